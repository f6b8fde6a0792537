import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { sharedSecretFields } from './common/sharedSecretFields';

/** The shared secret the UnleashX Trigger checks on every delivery (UnleashX documents no signing). */
export class UnleashXTriggerApi implements ICredentialType {
	name = 'unleashXTriggerApi';

	displayName = 'UnleashX Trigger API';

	icon: Icon = { light: 'file:unleashx.svg', dark: 'file:unleashx.dark.svg' };

	documentationUrl = 'https://docs.unleashx.ai';

	properties: INodeProperties[] = sharedSecretFields({ platform: 'UnleashX', defaultHeader: 'X-UnleashX-Secret', allowQuery: true });
}
