import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The platform's API address, unless the credential gives another (a proxy, the sandbox). */
export const KLEN_AI_BASE_URL = 'https://api.klen.ai/api/v1';

export class KlenAiApi implements ICredentialType {
	name = 'klenAiApi';

	displayName = 'Klen AI API';

	icon: Icon = { light: 'file:klenai.svg', dark: 'file:klenai.dark.svg' };

	documentationUrl = 'https://docs.klen.ai';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'klen_…',
			hint: 'Needs the permissions the nodes use: can_read_agents, can_read_calls, can_initiate_calls',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: KLEN_AI_BASE_URL,
			description: "Klen AI's API address. Change it only for a proxy, or for the project's local sandbox.",
		},
	];

	/**
	 * Puts the key in each request's headers. A function rather than n8n's generic form
	 * (`{{$credentials…}}`): n8n evaluates the generic form's expressions on every request, through
	 * its expression engine, which cost more than the rest of a small request (docs/benchmarks.md).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}` } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/agents',
			method: 'GET',
		},
	};
}
