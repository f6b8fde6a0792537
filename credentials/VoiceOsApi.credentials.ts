import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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
			default: 'https://api.voiceos.io',
			description: "VoiceOS's API address. Change it only for a proxy, or for the project's local sandbox.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiToken}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/agents',
			qs: { limit: 1 },
			method: 'GET',
		},
	};
}
