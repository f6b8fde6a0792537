import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';

export const FINAL_STATUSES = ['picked', 'not_picked', 'failed', 'busy', 'voicemail'];

export interface WaitSettings {
	pollIntervalSeconds: number;
	maxWaitMinutes: number;
	includeTranscript: boolean;
}

/** A call is done when its status is final and, if it was answered, its post-call analysis is there. */
export function isCallFinished(call: IDataObject): boolean {
	const status = String(call.status ?? '');
	if (!FINAL_STATUSES.includes(status)) return false;
	if (status !== 'picked') return true;
	const analysis = call.post_call_analysis;
	const hasAnalysis = !!analysis && typeof analysis === 'object' && Object.keys(analysis).length > 0;
	return hasAnalysis || (typeof call.summary === 'string' && call.summary !== '');
}

function isCancelled(context: IExecuteFunctions): boolean {
	return context.getExecutionCancelSignal?.()?.aborted === true;
}

/**
 * Polls `GET /v1/call/{id}` until the call is finished, sleeping with n8n's `sleep` between polls.
 * A call the API does not show yet (404) counts as still pending. On timeout the error says the
 * call may still be running and carries its ID, also into an error item with Continue On Fail.
 */
export async function waitForCallCompletion(
	context: IExecuteFunctions,
	callId: string,
	settings: WaitSettings,
	item: Item,
): Promise<IDataObject> {
	const deadline = Date.now() + settings.maxWaitMinutes * 60_000;
	const path = `/v1/call/${encodeURIComponent(callId)}`;
	let lastStatus = 'not visible yet';
	while (Date.now() < deadline && !isCancelled(context)) {
		await sleep(Math.min(settings.pollIntervalSeconds * 1000, Math.max(0, deadline - Date.now())));
		const call = await osvi.data<IDataObject | undefined>(context, 'GET', path, { item, notFoundAsUndefined: true });
		if (call === undefined) continue;
		lastStatus = String(call.status ?? 'unknown');
		if (!isCallFinished(call)) continue;
		if (!settings.includeTranscript) return call;
		const transcript = await osvi.data<{ transcript?: IDataObject[] }>(context, 'GET', `${path}/transcript`, { item });
		return { ...call, transcript: transcript?.transcript ?? [] };
	}
	const error = new NodeOperationError(
		context.getNode(),
		`Call ${callId} did not finish within ${settings.maxWaitMinutes} minutes: it may still be running`,
		{
			itemIndex: item.index,
			description: `Last status seen: ${lastStatus}. The call was placed; do not place it again. Read its result later with Call → Get (call ID ${callId}), or use the OSVI Trigger for long or many calls.`,
		},
	);
	error.context.itemOutput = { call_id: callId, status: lastStatus };
	throw error;
}
