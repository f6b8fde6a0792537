import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../execution/operation';
import type { ApiContext } from '../transport/http';
import type { PlatformClient } from '../transport/client';
import type { LegacyWaitSettings, WaitSettings } from './settings';

/**
 * What a platform tells the shared waiting code about its calls: how to read them and when one is
 * over. The reads answer in the shape of the platform's Call → Get, which is what the node outputs.
 */
export interface CallWaiter {
	/** How messages name the platform ("OSVI"). */
	platform: string;
	client: PlatformClient;
	/** The credential field whose secret keys the resume URL's signature (see resumeUrl.ts). */
	secretField: string;
	/** The call an output item of the operation stands for; none for an item that placed no call. */
	callIdOf(json: IDataObject): string | undefined;
	/**
	 * The calls as the platform shows them now, by ID; a call it does not show yet is left out.
	 * Reads made from a resume request have no item.
	 */
	readCalls(context: ApiContext, callIds: string[], item?: Item): Promise<Map<string, IDataObject>>;
	/** Whether the call is over and its result complete. */
	isFinal(call: IDataObject): boolean;
	/** What the node outputs for a finished call (OSVI: with its transcript when asked for). */
	complete?(context: ApiContext, call: IDataObject, settings: WaitSettings, item?: Item): Promise<IDataObject>;
	/** Settings of an older version of the fields, read when "Wait for Result" is "Don't Wait". */
	legacy?: LegacyWaitSettings;
	/** Where the call request takes a per-call webhook: what durable waiting needs. */
	durable?: DurableWaiting;
}

export interface DurableWaiting {
	/** The request of one item with the resume URL as the call's webhook. */
	withResumeUrl(body: IDataObject, resumeUrl: string): IDataObject;
	/** Why an item cannot wait durably (field and problem), checked before any call is placed. */
	refusal?(context: IExecuteFunctions, itemIndex: number): { field: string; problem: string } | undefined;
	/** The call a delivery names, as its payload says (a hint to skip reads, never output). */
	callIdIn(body: unknown): string | undefined;
	/** Whether a delivery announces a step that never ends a call (declined without reading the call). */
	isInterim?(body: unknown): boolean;
}

/** One placed call of the node's output: the output item it stands for, and its ID. */
export interface PlacedCall {
	index: number;
	callId: string;
}

/**
 * The calls among the operation's output items. Items that placed no call (skipped by a calling
 * rule, error items of Continue On Fail) pass through every wait unchanged.
 */
export function placedCalls(output: INodeExecutionData[], waiter: CallWaiter): PlacedCall[] {
	return output.flatMap(({ json }, index) => {
		if (json.skipped === true || json.error !== undefined) return [];
		const callId = waiter.callIdOf(json);
		return callId ? [{ index, callId }] : [];
	});
}

/** Runs `work` over `entries`, at most `limit` at a time, keeping their order. */
export async function mapLimited<T, R>(entries: T[], limit: number, work: (entry: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(entries.length);
	let next = 0;
	const worker = async () => {
		while (next < entries.length) {
			const index = next++;
			results[index] = await work(entries[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, entries.length) }, worker));
	return results;
}

/** `readCalls` for a platform that reads one call per request. */
export function readEach(
	readOne: (context: ApiContext, callId: string, item?: Item) => Promise<IDataObject | undefined>,
): CallWaiter['readCalls'] {
	return async (context, callIds, item) => {
		const calls = await mapLimited(callIds, 4, async (callId) => await readOne(context, callId, item));
		return new Map(callIds.flatMap((callId, index) => (calls[index] ? [[callId, calls[index]] as const] : [])));
	};
}
