import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { readTextId } from '../../../shared/parameters/ids';
import { klen } from '../../client';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, [
	{
		displayName: 'Call ID',
		name: 'callId',
		type: 'string',
		required: true,
		default: '',
		description: "The call's database ID or its Klen call ID (call_id)",
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const callId = readTextId(this, item.index, 'callId', 'Call ID');
	return [{ json: await klen.request(this, 'GET', `/calls/${encodeURIComponent(callId)}`, {
		item,
		notFoundHint: 'Klen AI has no call with this ID for this API key: use the database ID or the Klen call ID from Call → Initiate, Get Many or the Klen AI Trigger.',
	}) }];
}
