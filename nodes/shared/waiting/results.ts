import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../execution/operation';
import type { ApiContext } from '../transport/http';
import type { WaitSettings } from './settings';
import { mapLimited } from './waiter';
import type { CallWaiter, PlacedCall } from './waiter';

/** Whether every placed call was read and is over. */
export function allFinal(calls: PlacedCall[], read: Map<string, IDataObject>, waiter: CallWaiter): boolean {
	return calls.every(({ callId }) => {
		const call = read.get(callId);
		return call !== undefined && waiter.isFinal(call);
	});
}

/**
 * The node's output after a wait: each placed call as read (Call → Get's shape), completed where
 * it is over, with `timed_out` saying whether it was still running when the wait ended; a call
 * never read keeps what placing it answered. Items without a call come out unchanged, and every
 * item keeps its pairing.
 */
export async function resultItems(
	context: ApiContext,
	output: INodeExecutionData[],
	calls: PlacedCall[],
	read: Map<string, IDataObject>,
	waiter: CallWaiter,
	settings: WaitSettings,
	{ extra = {}, item }: { extra?: IDataObject; item?: Item } = {},
): Promise<INodeExecutionData[]> {
	const callOf = new Map(calls.map(({ index, callId }) => [index, callId]));
	return await mapLimited(
		output.map((entry, index) => ({ entry, index })),
		4,
		async ({ entry, index }) => {
			const callId = callOf.get(index);
			if (callId === undefined) return entry;
			const call = read.get(callId);
			const final = call !== undefined && waiter.isFinal(call);
			const json = final && waiter.complete ? await waiter.complete(context, call, settings, item) : (call ?? entry.json);
			return { json: { ...json, timed_out: !final, ...extra }, pairedItem: entry.pairedItem };
		},
	);
}
