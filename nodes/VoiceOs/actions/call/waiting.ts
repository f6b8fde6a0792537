import type { IDataObject } from 'n8n-workflow';

import { readEach, waitingStep } from '../../../shared/waiting';
import type { CallWaiter, WaitOffer } from '../../../shared/waiting';
import { voiceOs } from '../../client';
import { conversationWithoutSecrets } from './conversation';

/** The events the resume webhook asks for: the ones after which a conversation may be over. */
export const RESUME_EVENTS = ['phone_call:rejected', 'conversation:ended'];

/** Events that never end a conversation: a delivery of one is declined without reading the call. */
const INTERIM_EVENTS = new Set([
	'phone_call:connection_requested',
	'phone_call:accepted',
	'conversation:started',
	'conversation:duration',
	'function_call:triggered',
	'speech:started',
	'speech:ended',
	'message:sent',
	'message:generated',
]);

export const waitOffer: WaitOffer = {
	platform: 'VoiceOS',
	durable: true,
	durableNote:
		'Durable needs Call Using: Inline Configuration: VoiceOS takes a per-call webhook only inside an inline agent configuration (a saved agent\'s webhooks are the agent\'s own). With a saved agent, wait by Polling. The resume webhook is added to the call\'s webhooks (events phone_call:rejected and conversation:ended); Send Events to a Webhook still works beside it.',
};

export const voiceOsCalls: CallWaiter = {
	platform: 'VoiceOS',
	client: voiceOs,
	secretField: 'apiToken',
	callIdOf: (json) => (typeof json.id === 'string' && json.id !== '' ? json.id : undefined),
	readCalls: readEach(async (context, id, item) => {
		const conversation = await voiceOs.request<IDataObject | undefined>(context, 'GET', `/conversations/${encodeURIComponent(id)}`, {
			item,
			notFoundAsUndefined: true,
		});
		return conversation && conversationWithoutSecrets(conversation);
	}),
	// `started` and `queued` are the other documented statuses.
	isFinal: (conversation) => conversation.status === 'ended',
	durable: {
		withResumeUrl: (body, resumeUrl) => {
			const config = (body.agent_config ?? {}) as IDataObject;
			const webhooks = [...((config.webhooks as IDataObject[] | undefined) ?? []), { events: RESUME_EVENTS, url: resumeUrl, method: 'POST', headers: {} }];
			return { ...body, agent_config: { ...config, webhooks } };
		},
		refusal: (context, itemIndex) =>
			context.getNodeParameter('callUsing', itemIndex, 'savedAgent') === 'inline'
				? undefined
				: {
						field: 'Call Using',
						problem:
							"is Saved Agent, and VoiceOS takes a per-call webhook only inside an inline agent configuration (a saved agent's webhooks are the agent's own): choose Inline Configuration, or wait by Polling",
					},
		callIdIn: (body) => {
			const conversation = (body as IDataObject | undefined)?.conversation as IDataObject | undefined;
			return typeof conversation?.id === 'string' ? conversation.id : undefined;
		},
		isInterim: (body) => INTERIM_EVENTS.has(String((body as IDataObject | undefined)?.event ?? '')),
	},
};

export const waiting = waitingStep(voiceOsCalls);
