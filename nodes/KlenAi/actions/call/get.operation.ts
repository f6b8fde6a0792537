import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readRequiredText } from '../../../shared/validation';
import { klenApiRequest } from '../../transport';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const callId = readRequiredText(this, itemIndex, 'callId', 'Call ID');
	return [{ json: await klenApiRequest(this, 'GET', `/calls/${encodeURIComponent(callId)}`, { itemIndex }) }];
}
