import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { klenApiRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, [
	{
		displayName: 'Only Agents That Can Make Calls',
		name: 'onlyCallers',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out agents without a phone number',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { agents } = await klenApiRequest<{ agents?: IDataObject[] }>(this, 'GET', '/agents', { itemIndex });
	const onlyCallers = this.getNodeParameter('onlyCallers', itemIndex, false) as boolean;
	return toItems((agents ?? []).filter((agent) => !onlyCallers || agent.can_make_calls === true));
}
