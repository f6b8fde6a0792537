import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchOperation, ItemFailure, Operation, OperationsByResource } from './operation';
import { readConcurrency, requestSettingsReader } from './requestSettings';
import type { RequestSettings } from './requestSettings';

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

	const settingsOf = requestSettingsReader(this);
	if ('executeBatch' in operation) return await routeBatch.call(this, operation, items.length, settingsOf(0));

	// Items run in a bounded pool; results are kept by item so output order and pairing never change.
	const results: INodeExecutionData[][] = new Array(items.length);
	// Without Continue On Fail: the failures; once there is one, no new item starts.
	const failures: ItemFailure[] = [];
	const prepared = await prepareAll(this, operation, items.length, results);
	if (items.length > 0) await operation.waiting?.check.call(this, items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length && failures.length === 0) {
			const itemIndex = next++;
			if (results[itemIndex]) continue; // already an error item from `prepare`
			try {
				const item = { index: itemIndex, settings: settingsOf(itemIndex) };
				const produced = await operation.execute.call(this, item, prepared[itemIndex]);
				results[itemIndex] = produced.map((result) => ({ ...result, pairedItem: { item: itemIndex } }));
			} catch (error) {
				if (this.continueOnFail()) {
					results[itemIndex] = [{ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } }];
				} else {
					// No new item starts; the ones already under way finish.
					failures.push({ itemIndex, error: error as Error });
				}
			}
		}
	};
	const concurrency = Math.min(readConcurrency(this), Math.max(1, items.length));
	await Promise.all(Array.from({ length: concurrency }, worker));
	if (failures.length > 0) {
		// The lowest failed item is the one reported; the others are named beside it.
		const [first, ...others] = failures.sort((a, b) => a.itemIndex - b.itemIndex);
		const carriedOut = operation.acts ? results.flatMap((output, itemIndex) => (output ? [{ itemIndex, output }] : [])) : [];
		throw stoppedError(this, first, carriedOut, others);
	}
	if (!operation.waiting || items.length === 0) return [results.flat()];
	return [await operation.waiting.finish.call(this, results.flat(), { index: 0, settings: settingsOf(0) })];
}

/**
 * Runs `prepare` for every item before anything is sent. A bad item stops the node at once
 * (nothing sent for any item), or with Continue On Fail becomes an error item in `results`.
 */
async function prepareAll(
	context: IExecuteFunctions,
	operation: Operation,
	itemCount: number,
	results: INodeExecutionData[][],
): Promise<unknown[]> {
	const prepared: unknown[] = new Array(itemCount);
	if (!operation.prepare) return prepared;
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		try {
			prepared[itemIndex] = await operation.prepare.call(context, itemIndex);
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

function firstItemOf(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	const first = Array.isArray(paired) ? paired[0] : paired;
	return typeof first === 'object' && first !== null ? first.item : Number(first ?? 0);
}

/** The fields that tell what an acting item produced (a call's ID, an upload's ID…), for a short summary. */
const RESULT_IDS = ['call_id', 'id', 'execution_id', 'conversation_id', 'session_id', 'campaign_upload_id'];

function summary({ itemIndex, output }: CarriedOut): string {
	const json = output[0]?.json ?? {};
	const id = RESULT_IDS.find((key) => json[key] !== undefined && json[key] !== null);
	const what = json.skipped === true ? `skipped: ${String(json.reason)}` : id ? `${id} ${String(json[id])}` : 'done';
	return `item ${itemIndex} (${what})`;
}

interface CarriedOut {
	itemIndex: number;
	output: INodeExecutionData[];
}

/**
 * The error that stops the node (Continue On Fail off), naming what was already carried out in
 * this run (calls placed, contacts uploaded), so nothing that happened goes unreported: in the
 * description, and in full in `context.carriedOut`. Other items that failed at the same time are
 * named too (`context.otherFailures`). On Retry On Fail the carried-out items are not sent again.
 */
function stoppedError(context: IExecuteFunctions, failure: ItemFailure, carriedOut: CarriedOut[], others: ItemFailure[]) {
	const error = asNodeError(context, failure.error, failure.itemIndex);
	const notes: string[] = [];
	if (carriedOut.length > 0) {
		const shown = carriedOut.slice(0, 20).map(summary).join(', ');
		const more = carriedOut.length > 20 ? ` and ${carriedOut.length - 20} more` : '';
		notes.push(
			`Carried out before the node stopped (${carriedOut.length}): ${shown}${more}. They are listed in this error's context (carriedOut) and are not sent again if n8n retries the node.`,
		);
		error.context.carriedOut = carriedOut.map(({ itemIndex, output }) => ({ item: itemIndex, output: output.map((entry) => entry.json) }));
	}
	if (others.length > 0) {
		notes.push(`Also failed: ${others.map(({ itemIndex, error: other }) => `item ${itemIndex} (${other.message})`).join('; ')}.`);
		error.context.otherFailures = others.map(({ itemIndex, error: other }) => ({ item: itemIndex, ...errorItemJson(other) }));
	}
	if (notes.length > 0) error.description = [error.description, ...notes].filter(Boolean).join(' ');
	return error;
}

/** Batch operations: failed items become error items (Continue On Fail) or stop the node. */
async function routeBatch(
	this: IExecuteFunctions,
	operation: BatchOperation,
	itemCount: number,
	settings: RequestSettings,
): Promise<INodeExecutionData[][]> {
	const { output, failures } = await operation.executeBatch.call(this, itemCount, settings);
	if (failures.length > 0 && !this.continueOnFail()) {
		const [first, ...others] = failures;
		const carriedOut = output.map((entry) => ({ itemIndex: firstItemOf(entry), output: [entry] }));
		throw stoppedError(this, first, carriedOut, others.filter((other) => other.error !== first.error));
	}
	const errorItems = failures.map(({ itemIndex, error }) => ({
		json: errorItemJson(error),
		pairedItem: { item: itemIndex },
	}));
	return [[...output, ...errorItems].sort((a, b) => firstItemOf(a) - firstItemOf(b))];
}
