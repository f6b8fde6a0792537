import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eventsSubtitle } from '../shared/parameters/subtitle';
import {
	admitJsonObject,
	answerWithoutExecution,
	readSharedSecret,
	sharedSecretPresented,
	sharedSecretProperties,
	sharedSecretWebhookMethods,
} from '../shared/webhook/sharedSecret';
import { normaliseVoiceOsEvent } from './trigger/payload';
import { EVENTS } from './actions/common.descriptions';

const SECRET_HEADER = 'X-VoiceOS-Secret';

export class VoiceOsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VoiceOS Trigger',
		name: 'voiceOsTrigger',
		icon: { light: 'file:voiceos.svg', dark: 'file:voiceos.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(),
		description: 'Starts the workflow on VoiceOS call events, e.g. when a conversation ends',
		defaults: { name: 'VoiceOS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
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
			...sharedSecretProperties({
				defaultHeader: SECRET_HEADER,
				allowQuery: false,
				secretHint: 'The value VoiceOS sends in the header (the webhook entry\'s headers)',
			}),
		],
	};

	// No registration API on this platform: the user pastes the URL (see the notice).
	webhookMethods = sharedSecretWebhookMethods(SECRET_HEADER);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = readSharedSecret(this, SECRET_HEADER);
		const { body, answered } = admitJsonObject(this, sharedSecretPresented(this, settings));
		if (answered) return answered;
		const event = normaliseVoiceOsEvent(body);
		const events = this.getNodeParameter('events', []) as string[];
		if (event.event !== null && events.length > 0 && !events.includes(event.event)) {
			return answerWithoutExecution(this, 200, { received: true, ignored: `event ${event.event} not selected` });
		}
		const json: IDataObject = { ...event, body };
		return { workflowData: [[{ json }]] };
	}
}
