import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { callIdField } from '../common.descriptions';
import { readCallId } from '../common.parameters';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, [
	callIdField,
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const callId = readCallId(this, item.index);
	const call = await osvi.data(this, 'GET', `/v1/call/${encodeURIComponent(callId)}`, { item, notFoundHint: NOT_FOUND.call });
	return toItems(call);
}
