import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, NodeApiError } from 'n8n-workflow';

/**
 * An error that happened after the call was placed (e.g. while waiting for its result): it keeps
 * the call's ID, in its description and in the error item (Continue On Fail), so that nobody
 * places the call again by mistake.
 */
export function withPlacedCall(error: Error, placed: IDataObject): NodeApiError | NodeOperationError {
	const failure = (error instanceof NodeOperationError || (error as NodeApiError).context ? error : new NodeOperationError(placed.node as never, error)) as
		| NodeApiError
		| NodeOperationError;
	failure.context ??= {};
	failure.context.itemOutput = { ...placed, ...((failure.context.itemOutput as IDataObject | undefined) ?? {}) };
	const note = `The call was placed (call ID ${String(placed.call_id)}): do not place it again. Read its result later with Call → Get.`;
	if (!String(failure.description ?? '').includes(String(placed.call_id))) {
		failure.description = [failure.description, note].filter(Boolean).join(' ');
	}
	return failure;
}
