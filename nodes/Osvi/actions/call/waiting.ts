import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readNumber } from '../../../shared/parameters/numbers';
import { readEach, waitingStep, WAIT_LIMITS } from '../../../shared/waiting';
import type { CallWaiter, WaitOffer, WaitSettings } from '../../../shared/waiting';
import { osvi } from '../../client';

export const FINAL_STATUSES = ['picked', 'not_picked', 'failed', 'busy', 'voicemail'];

/** A call is done when its status is final and, if it was answered, its post-call analysis is there. */
export function isCallFinished(call: IDataObject): boolean {
	const status = String(call.status ?? '');
	if (!FINAL_STATUSES.includes(status)) return false;
	if (status !== 'picked') return true;
	const analysis = call.post_call_analysis;
	const hasAnalysis = !!analysis && typeof analysis === 'object' && Object.keys(analysis).length > 0;
	return hasAnalysis || (typeof call.summary === 'string' && call.summary !== '');
}

const includeTranscript: INodeProperties = {
	displayName: 'Include Transcript',
	name: 'includeTranscript',
	type: 'boolean',
	default: false,
	description: 'Whether to add the conversation, turn by turn, to each finished call',
};

export const waitOffer: WaitOffer = {
	platform: 'OSVI',
	durable: true,
	durableNote:
		"OSVI documents its post-call webhook for answered calls: a call nobody answers may only end the wait at the time limit (with its status as it was then), so keep the limit a little above the longest call. Additional Fields › Webhook URL must stay empty (the call's one webhook is the resume URL): an OSVI Trigger still receives the calls whose agent has a webhook.",
	extra: [includeTranscript],
};

/**
 * "Wait for Completion" and its options, from before "Wait for Result": still honoured (as
 * Polling) in workflows that have them. They show only while switched on (see the description).
 */
function legacySettings(context: IExecuteFunctions): WaitSettings | undefined {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.waitForCompletion !== true) return undefined;
	return {
		mode: 'polling',
		limitMinutes: readNumber(context, 0, 'options.maxWaitMinutes', 'Options › Max Wait (Minutes)', WAIT_LIMITS.pollingMinutes, 15),
		pollIntervalSeconds: readNumber(context, 0, 'options.pollIntervalSeconds', 'Options › Poll Interval (Seconds)', WAIT_LIMITS.pollIntervalSeconds, 10),
		includeTranscript: options.includeTranscript === true,
	};
}

const callPath = (callId: string) => `/v1/call/${encodeURIComponent(callId)}`;

export const osviCalls: CallWaiter = {
	platform: 'OSVI',
	client: osvi,
	secretField: 'apiToken',
	callIdOf: (json) => (typeof json.call_id === 'string' && json.call_id !== '' ? json.call_id : undefined),
	// A call OSVI does not show yet (404) is still starting.
	readCalls: readEach(async (context, callId, item) => await osvi.data<IDataObject | undefined>(context, 'GET', callPath(callId), { item, notFoundAsUndefined: true })),
	isFinal: isCallFinished,
	complete: async (context, call, settings, item) => {
		if (!settings.includeTranscript) return call;
		const transcript = await osvi.data<{ transcript?: IDataObject[] }>(context, 'GET', `${callPath(String(call.call_id))}/transcript`, { item });
		return { ...call, transcript: transcript?.transcript ?? [] };
	},
	legacy: legacySettings,
	durable: {
		withResumeUrl: (body, resumeUrl) => ({ ...body, webhook_url: resumeUrl }),
		refusal: (context, itemIndex) => {
			const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			if (typeof fields.webhookUrl !== 'string' || fields.webhookUrl.trim() === '') return undefined;
			return {
				field: 'Additional Fields › Webhook URL',
				problem: "is set, and Durable waiting makes the call's webhook n8n's resume URL (OSVI takes one per call): leave it empty, or wait by Polling",
			};
		},
		// The post-call payload names the call `call_log_id` in both of its documented shapes.
		callIdIn: (body) => {
			const id = (body as IDataObject | undefined)?.call_log_id;
			return typeof id === 'string' && id !== '' ? id : undefined;
		},
	},
};

export const waiting = waitingStep(osviCalls);
