import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { RequestSettings } from './requestSettings';

/**
 * One input item as an operation sees it when it runs: its index, and the request settings the
 * item loop resolved for it (retries, timeout), which every request made for the item uses.
 */
export interface Item {
	index: number;
	settings: RequestSettings;
}

/**
 * One operation of one resource: its editor fields, and what it does for one input item. An
 * operation that acts (e.g. places a call) can `prepare` every item first: reading and validating
 * its parameters without sending anything, so that bad input anywhere stops the node before any
 * request, and `execute` then gets what `prepare` returned.
 */
export interface Operation<Prepared = unknown> {
	description: INodeProperties[];
	/** Whether it acts (places a call, changes a list, sends a message): a stopped run reports what it did. */
	acts?: boolean;
	/** May be async where a check needs the credential (e.g. which hosts the platform can reach). */
	prepare?(this: IExecuteFunctions, itemIndex: number): Prepared | Promise<Prepared>;
	execute(this: IExecuteFunctions, item: Item, prepared: Prepared): Promise<INodeExecutionData[]>;
	/** Waiting for what the items started (e.g. the calls' results): see shared/waiting/. */
	waiting?: OperationWaiting;
}

/**
 * Around the items of an operation that can wait for what they started: `check` runs after every
 * item was prepared and before any is sent (it may refuse the run), `finish` once every item ran,
 * with their output (it may wait, and answers the node's output).
 */
export interface OperationWaiting {
	check(this: IExecuteFunctions, itemCount: number): Promise<void>;
	finish(this: IExecuteFunctions, output: INodeExecutionData[], item: Item): Promise<INodeExecutionData[]>;
}

/** An item that could not be handled, and why (an error that names the item). */
export interface ItemFailure {
	itemIndex: number;
	error: Error;
}

/**
 * An operation that handles all input items together (e.g. contacts gathered into as few requests
 * as possible). Its output items carry their own pairing (one request may stand for many items);
 * every item it could not handle is a failure, so that no item is silently dropped.
 */
export interface BatchOperation {
	description: INodeProperties[];
	executeBatch(
		this: IExecuteFunctions,
		itemCount: number,
		settings: RequestSettings,
	): Promise<{ output: INodeExecutionData[]; failures: ItemFailure[] }>;
}

// Each operation's `prepare` result is its own type; the router only hands it from `prepare` to `execute`.
export type OperationsByResource = Record<string, Record<string, Operation<unknown> | BatchOperation>>;

/** Wraps API objects as output items (pairing is added by the router). */
export function toItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}
