import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { sharedSecretFields } from './common/sharedSecretFields';

/** The shared secret the VoiceOS Trigger checks on every delivery (VoiceOS webhooks carry static headers, no signature). */
export class VoiceOsTriggerApi implements ICredentialType {
	name = 'voiceOsTriggerApi';

	displayName = 'VoiceOS Trigger API';

	icon: Icon = { light: 'file:voiceos.svg', dark: 'file:voiceos.dark.svg' };

	documentationUrl = 'https://docs.voiceos.io';

	properties: INodeProperties[] = sharedSecretFields({ platform: 'VoiceOS', defaultHeader: 'X-VoiceOS-Secret', allowQuery: false });
}
