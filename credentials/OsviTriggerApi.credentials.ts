import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { sharedSecretFields } from './common/sharedSecretFields';

/** The shared secret the OSVI Trigger checks on every delivery (OSVI signs nothing). */
export class OsviTriggerApi implements ICredentialType {
	name = 'osviTriggerApi';

	displayName = 'OSVI Trigger API';

	icon: Icon = { light: 'file:osvi.svg', dark: 'file:osvi.dark.svg' };

	documentationUrl = 'https://docs.osvi.ai';

	properties: INodeProperties[] = sharedSecretFields({ platform: 'OSVI', defaultHeader: 'X-OSVI-Secret', allowQuery: true });
}
