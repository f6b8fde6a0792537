import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eventsSubtitle } from '../shared/parameters/subtitle';
import { answerIfRepeated, answerWithoutExecution, rawBodyOf } from '../shared/webhook/delivery';
import { redactOutput } from '../shared/webhook/redact';
import { bodyDigest, deliveryKey, triggerOptions } from '../shared/webhook/repeats';
import {
	admitSharedSecretDelivery,
	sharedSecretProperties,
	sharedSecretTest,
	sharedSecretWebhookMethods,
} from '../shared/webhook/sharedSecret';
import type { SharedSecretPlatform } from '../shared/webhook/sharedSecret';
import { conversationResult, normaliseVoiceOsEvent, REPEATING_EVENTS } from './trigger/payload';
import { EVENTS } from './actions/common.descriptions';

const PLATFORM: SharedSecretPlatform = { platform: 'VoiceOS', credentialType: 'voiceOsTriggerApi', defaultHeader: 'X-VoiceOS-Secret', allowQuery: false };

export class VoiceOsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VoiceOS Trigger',
		name: 'voiceOsTrigger',
		icon: { light: 'file:voiceos.svg', dark: 'file:voiceos.dark.svg' },
		group: ['trigger'],
		// 2: the secret from a credential; the conversation in VoiceOS → Get's names.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: eventsSubtitle(),
		description: 'Starts the workflow on VoiceOS call events, e.g. when a conversation ends',
		defaults: { name: 'VoiceOS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'voiceOsTriggerApi', required: true, testedBy: 'sharedSecretTest', displayOptions: { show: { '@version': [2], authentication: ['sharedSecret'] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'voiceos' }],
		properties: [
			{
				displayName:
					"VoiceOS has no API to subscribe webhooks: add a webhook with this node's Production URL, the events below and the Shared Secret as a header to an agent, a phone number, or a call made with VoiceOS → Create Phone Call (Inline Configuration → Send Events to a Webhook)",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: ['conversation:ended'],
				options: EVENTS,
				description:
					'Deliveries of other events are answered 200 and start nothing. VoiceOS does not document the delivered body; a body without an event name is passed through.',
			},
			...sharedSecretProperties(PLATFORM),
			triggerOptions(
				'the same event of the same conversation; for events that come many times in a conversation (message, speech, duration, function call) only an identical body',
			),
		],
	};

	methods = { credentialTest: { sharedSecretTest } };

	// No registration API on this platform: the user pastes the URL (see the notice).
	webhookMethods = sharedSecretWebhookMethods(PLATFORM);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const admitted = await admitSharedSecretDelivery(this, PLATFORM);
		if (admitted.answered) return admitted.answered;
		const { settings, body } = admitted;
		const event = normaliseVoiceOsEvent(body);
		const events = this.getNodeParameter('events', []) as string[];
		if (event.event !== null && events.length > 0 && !events.includes(event.event)) {
			return answerWithoutExecution(this, 200, { received: true, ignored: `event ${event.event} not selected` });
		}
		const raw = rawBodyOf(this);
		const parts = [event.event, event.conversation_id];
		if (event.event !== null && REPEATING_EVENTS.has(event.event)) parts.push(bodyDigest(body, raw));
		const repeated = answerIfRepeated(this, deliveryKey(parts, body, raw));
		if (repeated) return repeated;
		const fields = this.getNode().typeVersion >= 2 ? conversationResult(body) : event;
		// VoiceOS echoes the call's configuration, webhook headers (the secret) included.
		const json = redactOutput({ ...fields, body }, { secrets: [settings.secret], headerNames: [settings.headerName] });
		return { workflowData: [[{ json }]] };
	}
}
