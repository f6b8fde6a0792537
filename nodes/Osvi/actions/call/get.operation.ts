import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { osviData } from '../../transport';
import { callIdField, readCallId } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, [
	callIdField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const callId = readCallId(this, itemIndex);
	const call = await osviData(this, 'GET', `/v1/call/${encodeURIComponent(callId)}`, { itemIndex });
	return toItems(call);
}
