import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readConcurrency } from './requestOptions';

/**
 * One operation of one resource: its editor fields, and what it does for one input item. An
 * operation that acts (e.g. places a call) can `prepare` every item first: reading and validating
 * its parameters without sending anything, so that bad input anywhere stops the node before any
 * request, and `execute` then gets what `prepare` returned.
 */
export interface Operation {
	description: INodeProperties[];
	prepare?(this: IExecuteFunctions, itemIndex: number): unknown;
	execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<INodeExecutionData[]>;
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
	): Promise<{ output: INodeExecutionData[]; failures: ItemFailure[] }>;
}

export type OperationsByResource = Record<string, Record<string, Operation | BatchOperation>>;

/** Wraps API objects as output items (pairing is added by the router). */
export function toItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}

function errorItemJson(error: Error): IDataObject {
	// `context.itemOutput`: what an operation still knows for the item, e.g. the ID of a call that was placed.
	const { description, httpCode, context } = error as { description?: unknown; httpCode?: unknown; context?: IDataObject };
	const json: IDataObject = { ...((context?.itemOutput as IDataObject) ?? {}), error: error.message };
	if (typeof description === 'string' && description !== '') json.description = description;
	if (typeof httpCode === 'string' && httpCode !== '') json.httpCode = httpCode;
	return json;
}

/**
 * The item loop every action node shares: runs the chosen operation for each input item (up to
 * "Concurrency" at a time), pairs every output item with its input, and with "Continue On Fail"
 * turns a failed item into an error item so that the other items still go through. Without it,
 * the first failure stops the node with an error that carries the item's index.
 */
export async function routeItems(
	this: IExecuteFunctions,
	operations: OperationsByResource,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not supported`,
		);
	}

	if ('executeBatch' in operation) return await routeBatch.call(this, operation, items.length);

	// Items run in a bounded pool; results are kept by item so output order and pairing never change.
	const results: INodeExecutionData[][] = new Array(items.length);
	const stop: { failure?: ItemFailure } = {};
	const prepared = prepareAll(this, operation, items.length, results);
	let next = 0;
	const worker = async () => {
		while (next < items.length && stop.failure === undefined) {
			const itemIndex = next++;
			if (results[itemIndex]) continue; // already an error item from `prepare`
			try {
				const produced = await operation.execute.call(this, itemIndex, prepared[itemIndex]);
				results[itemIndex] = produced.map((result) => ({ ...result, pairedItem: { item: itemIndex } }));
			} catch (error) {
				if (this.continueOnFail()) {
					results[itemIndex] = [{ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } }];
				} else {
					// No new item starts; the ones already under way finish. The lowest failed item is reported.
					const earlier = stop.failure as ItemFailure | undefined;
					if (!earlier || itemIndex < earlier.itemIndex) stop.failure = { itemIndex, error: error as Error };
				}
			}
		}
	};
	const concurrency = Math.min(readConcurrency(this), Math.max(1, items.length));
	await Promise.all(Array.from({ length: concurrency }, worker));
	if (stop.failure) throw asNodeError(this, stop.failure.error, stop.failure.itemIndex);
	return [results.flat()];
}

/**
 * Runs `prepare` for every item before anything is sent. A bad item stops the node at once
 * (nothing sent for any item), or with Continue On Fail becomes an error item in `results`.
 */
function prepareAll(
	context: IExecuteFunctions,
	operation: Operation,
	itemCount: number,
	results: INodeExecutionData[][],
): unknown[] {
	const prepared: unknown[] = new Array(itemCount);
	if (!operation.prepare) return prepared;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			prepared[itemIndex] = operation.prepare.call(context, itemIndex);
		} catch (error) {
			if (!context.continueOnFail()) throw asNodeError(context, error as Error, itemIndex);
			results[itemIndex] = [{ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } }];
		}
	}
	return prepared;
}

function asNodeError(context: IExecuteFunctions, error: Error, itemIndex: number) {
	const failure =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(context.getNode(), error, { itemIndex });
	failure.context.itemIndex ??= itemIndex;
	return failure;
}

/** Batch operations: failed items become error items (Continue On Fail) or stop the node. */
async function routeBatch(
	this: IExecuteFunctions,
	operation: BatchOperation,
	itemCount: number,
): Promise<INodeExecutionData[][]> {
	const { output, failures } = await operation.executeBatch.call(this, itemCount);
	if (failures.length > 0 && !this.continueOnFail()) {
		const [first] = failures;
		throw asNodeError(this, first.error, first.itemIndex);
	}
	const errorItems = failures.map(({ itemIndex, error }) => ({
		json: errorItemJson(error),
		pairedItem: { item: itemIndex },
	}));
	const firstItemOf = (item: INodeExecutionData) => {
		const paired = item.pairedItem;
		const first = Array.isArray(paired) ? paired[0] : paired;
		return typeof first === 'object' && first !== null ? first.item : Number(first ?? 0);
	};
	return [[...output, ...errorItems].sort((a, b) => firstItemOf(a) - firstItemOf(b))];
}
