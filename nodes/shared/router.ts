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

export type OperationsByResource = Record<string, Record<string, Operation>>;

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
			const failure =
				error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			failure.context.itemIndex ??= itemIndex;
			throw failure;
		}
	}
	return [output];
}
