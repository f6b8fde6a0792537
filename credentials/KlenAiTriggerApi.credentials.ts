import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/** The signing secret of a Klen AI webhook, which the Klen AI Trigger checks signatures with. */
export class KlenAiTriggerApi implements ICredentialType {
	name = 'klenAiTriggerApi';

	displayName = 'Klen AI Trigger API';

	icon: Icon = { light: 'file:klenai.svg', dark: 'file:klenai.dark.svg' };

	documentationUrl = 'https://docs.klen.ai';

	properties: INodeProperties[] = [
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The webhook's signing secret, as the Klen AI dashboard shows it",
		},
	];
}
