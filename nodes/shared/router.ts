import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

/** One operation of one resource: its editor fields, and what it does for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
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
 * The item loop every action node shares: runs the chosen operation for each input item, pairs
 * every output item with its input, and with "Continue On Fail" turns a failed item into an error
 * item so that the other items still go through. Without it, the first failure stops the node
 * with an error that carries the item's index.
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

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await operation.execute.call(this, itemIndex);
			for (const result of results) output.push({ ...result, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: errorItemJson(error as Error), pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this, error as Error, itemIndex);
		}
	}
	return [output];
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
