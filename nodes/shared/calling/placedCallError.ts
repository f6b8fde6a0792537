import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

/**
 * An error that happened after the call was placed (e.g. while waiting for its result): it keeps
 * the call's ID, in its description and in the error item (Continue On Fail), so that nobody
 * places the call again by mistake.
 */
export function withPlacedCall(node: INode, error: Error, placed: IDataObject): NodeApiError | NodeOperationError {
	const failure = error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error);
	failure.context.itemOutput = { ...placed, ...((failure.context.itemOutput as IDataObject | undefined) ?? {}) };
	const note = `The call was placed (call ID ${String(placed.call_id)}): do not place it again. Read its result later with Call → Get.`;
	if (!String(failure.description ?? '').includes(String(placed.call_id))) {
		failure.description = [failure.description, note].filter(Boolean).join(' ');
	}
	return failure;
}
