import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { klen } from '../../client';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, [
	{
		displayName: 'Only Agents That Can Make Calls',
		name: 'onlyCallers',
		type: 'boolean',
		default: false,
		description: 'Whether to leave out agents without a phone number',
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const { agents } = await klen.request<{ agents?: IDataObject[] }>(this, 'GET', '/agents', { item });
	const onlyCallers = this.getNodeParameter('onlyCallers', item.index, false) as boolean;
	return toItems((agents ?? []).filter((agent) => !onlyCallers || agent.can_make_calls === true));
}
