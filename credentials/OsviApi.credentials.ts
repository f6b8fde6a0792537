import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The platform's API address, unless the credential gives another (a proxy, the sandbox). */
export const OSVI_BASE_URL = 'https://api.osvi.ai';

export class OsviApi implements ICredentialType {
	name = 'osviApi';

	displayName = 'OSVI API';

	icon: Icon = { light: 'file:osvi.svg', dark: 'file:osvi.dark.svg' };

	documentationUrl = 'https://docs.osvi.ai';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'From the OSVI dashboard: Settings → API',
		},
		{
			displayName:
				'OSVI API tokens are 16 characters long. Check that the whole token was copied, with no spaces.',
			name: 'lengthWarning',
			type: 'notice',
			default: '',
			displayOptions: {
				show: {
					// Saved secrets come back masked as a long placeholder: no warning for those.
					apiToken: [{ _cnd: { regex: '^(?!__n8n_BLANK_VALUE_)(.{1,15}|.{17,})$' } }],
				},
			},
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: OSVI_BASE_URL,
			description:
				"OSVI's API address. Change it only for a proxy, or for the project's local sandbox.",
		},
	];

	/**
	 * Puts the key in each request's headers. A function rather than n8n's generic form
	 * (`{{$credentials…}}`): n8n evaluates the generic form's expressions on every request, through
	 * its expression engine, which cost more than the rest of a small request (docs/benchmarks.md).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, 'API-Token': String(credentials.apiToken ?? '') } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/active_agents',
			method: 'GET',
		},
	};
}
