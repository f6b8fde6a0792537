import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../execution/operation';
import { withPlacedCall } from '../calling/placedCallError';
import { allFinal, resultItems } from './results';
import type { WaitSettings } from './settings';
import type { CallWaiter, PlacedCall } from './waiter';

function isCancelled(context: IExecuteFunctions): boolean {
	return context.getExecutionCancelSignal?.()?.aborted === true;
}

/**
 * A read that failed while calls were running: with Continue On Fail the calls still open become
 * error items that keep their IDs; without it the node stops with an error that names every call
 * placed, so that none is placed again by mistake.
 */
function readFailed(context: IExecuteFunctions, output: INodeExecutionData[], open: PlacedCall[], calls: PlacedCall[], error: Error) {
	const [first] = open;
	const failure = withPlacedCall(context.getNode(), error, output[first.index].json);
	if (!context.continueOnFail()) {
		failure.context.itemIndex ??= first.index;
		failure.description = `${failure.description ?? ''} Calls placed in this run: ${calls.map(({ callId }) => callId).join(', ')}.`.trim();
		throw failure;
	}
	const failed = new Map(open.map(({ index }) => [index, true]));
	return output.map((entry, index) =>
		failed.get(index) ? { json: { ...entry.json, error: error.message, description: failure.description }, pairedItem: entry.pairedItem } : entry,
	);
}

/**
 * Polling: reads the calls still running every `pollIntervalSeconds` (sleeping with n8n's `sleep`,
 * the execution staying open) until all are over or the time limit passes. A call the platform
 * does not show yet counts as running. At the limit each call comes out as last read, with
 * `timed_out: true`: the workflow can branch on it instead of failing.
 */
export async function pollCalls(
	context: IExecuteFunctions,
	output: INodeExecutionData[],
	calls: PlacedCall[],
	waiter: CallWaiter,
	settings: WaitSettings,
	item: Item,
): Promise<INodeExecutionData[]> {
	const deadline = Date.now() + settings.limitMinutes * 60_000;
	const latest = new Map<string, IDataObject>();
	let open = calls;
	while (open.length > 0 && Date.now() < deadline && !isCancelled(context)) {
		await sleep(Math.min(settings.pollIntervalSeconds * 1000, Math.max(0, deadline - Date.now())));
		const read = await waiter.readCalls(context, open.map(({ callId }) => callId), { ...item, index: open[0].index }).then(
			(calls) => calls,
			(error: Error) => error,
		);
		if (read instanceof Error) {
			const failed = readFailed(context, output, open, calls, read);
			const stillOpen = new Set(open.map(({ index }) => index));
			return await resultItems(context, failed, calls.filter(({ index }) => !stillOpen.has(index)), latest, waiter, settings, { item });
		}
		for (const [callId, call] of read) latest.set(callId, call);
		open = open.filter((call) => !allFinal([call], latest, waiter));
	}
	return await resultItems(context, output, calls, latest, waiter, settings, { item });
}
