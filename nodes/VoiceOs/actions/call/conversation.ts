import type { IDataObject } from 'n8n-workflow';

import { hideResumeSecrets } from '../../../shared/waiting/resumeUrl';

/**
 * A conversation as the node outputs it (Get, Get Many, Wait for Result): VoiceOS echoes the agent
 * configuration, webhooks included, so their header values (the docs' way to authenticate them,
 * e.g. the VoiceOS Trigger's secret) and the values that open a resume URL are replaced by `***`.
 */
export function conversationWithoutSecrets(conversation: IDataObject): IDataObject {
	const config = conversation.agent_config as IDataObject | undefined;
	if (!config || !Array.isArray(config.webhooks)) return conversation;
	const webhooks = (config.webhooks as IDataObject[]).map((hook) => ({
		...hook,
		url: typeof hook.url === 'string' ? hideResumeSecrets(hook.url) : hook.url,
		headers: Object.fromEntries(Object.keys((hook.headers as IDataObject | undefined) ?? {}).map((name) => [name, '***'])),
	}));
	return { ...conversation, agent_config: { ...config, webhooks } };
}
