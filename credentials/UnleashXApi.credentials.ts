import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { token: '={{$credentials.apiToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/global/verify',
			method: 'POST',
			body: {},
		},
	};
}
