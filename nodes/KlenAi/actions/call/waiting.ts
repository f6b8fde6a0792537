import type { IDataObject } from 'n8n-workflow';

import { readEach, waitingStep } from '../../../shared/waiting';
import type { CallWaiter, WaitOffer } from '../../../shared/waiting';
import { klen } from '../../client';

/** Statuses of a call that has not ended (queued when placed; the list documents in-progress). */
const RUNNING = new Set(['queued', 'initiated', 'ringing', 'in-progress', 'in_progress', 'started']);

export const waitOffer: WaitOffer = {
	platform: 'Klen AI',
	durable: false,
	noWebhookNote:
		"Klen AI's call request takes no per-call webhook (its webhooks are set for the whole account), so there is no Durable mode: Polling keeps the execution running until the call ends. For long calls, end this workflow here and continue in one that starts with the Klen AI Trigger.",
};

export const klenCalls: CallWaiter = {
	platform: 'Klen AI',
	client: klen,
	secretField: 'apiKey',
	callIdOf: (json) => {
		const id = json.call_id ?? json.id;
		return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
	},
	// GET /calls/{id} takes the call's database ID or its Klen call ID.
	readCalls: readEach(async (context, callId, item) =>
		await klen.request<IDataObject | undefined>(context, 'GET', `/calls/${encodeURIComponent(callId)}`, { item, notFoundAsUndefined: true }),
	),
	// A call has ended once it has an end time, or a status other than the running ones (completed, failed, …).
	isFinal: (call) => (typeof call.ended_at === 'string' && call.ended_at !== '') || (typeof call.status === 'string' && call.status !== '' && !RUNNING.has(call.status)),
};

export const waiting = waitingStep(klenCalls);
