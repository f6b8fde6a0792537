import type {
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/** The platform's API address, unless the credential gives another (a proxy, the sandbox). */
export const VOICEOS_BASE_URL = 'https://api.voiceos.io';

export class VoiceOsApi implements ICredentialType {
	name = 'voiceOsApi';

	displayName = 'VoiceOS API';

	icon: Icon = { light: 'file:voiceos.svg', dark: 'file:voiceos.dark.svg' };

	documentationUrl = 'https://docs.voiceos.io';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: VOICEOS_BASE_URL,
			description: "VoiceOS's API address. Change it only for a proxy, or for the project's local sandbox.",
		},
	];

	/**
	 * Puts the key in each request's headers. A function rather than n8n's generic form
	 * (`{{$credentials…}}`): n8n evaluates the generic form's expressions on every request, through
	 * its expression engine, which cost more than the rest of a small request (docs/benchmarks.md).
	 */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiToken ?? '')}` } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/agents',
			qs: { limit: 1 },
			method: 'GET',
		},
	};
}
