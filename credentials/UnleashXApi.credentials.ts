import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The platform's API address, unless the credential gives another (a proxy, the sandbox). */
export const UNLEASHX_BASE_URL = 'https://www.tryunleashx.com';

export class UnleashXApi implements ICredentialType {
	name = 'unleashXApi';

	displayName = 'UnleashX API';

	icon: Icon = { light: 'file:unleashx.svg', dark: 'file:unleashx.dark.svg' };

	documentationUrl = 'https://docs.unleashx.ai';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'From the UnleashX portal: Profile & Settings → API Key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: UNLEASHX_BASE_URL,
			description: "UnleashX's address (the API lives under /api/v1/global/). Change it only for a proxy, or for the project's local sandbox.",
		},
	];

	/**
	 * Puts the key in each request's headers. A function rather than n8n's generic form
	 * (`{{$credentials…}}`): n8n evaluates the generic form's expressions on every request, through
	 * its expression engine, which cost more than the rest of a small request (docs/benchmarks.md).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, token: String(credentials.apiToken ?? '') } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/global/verify',
			method: 'POST',
			body: {},
		},
	};
}
