import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { filtersProperty, readLimit, returnAllOrLimit } from '../../../shared/parameters/listOptions';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { checkWholeNumberId } from '../../../shared/parameters/ids';
import { checkCollectionChoices, requireValid } from '../../../shared/parameters/validation';
import { klen } from '../../client';

const filtersField = filtersProperty([
	{ displayName: 'Agent ID', name: 'agentId', type: 'string', default: '', description: 'Only calls of this agent (database ID)' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'completed',
		options: [
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'In Progress', value: 'in-progress' },
		],
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'outbound',
		options: [
			{ name: 'Inbound', value: 'inbound' },
			{ name: 'Outbound', value: 'outbound' },
		],
	},
]);

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getMany'] } }, [
	...returnAllOrLimit,
	filtersField,
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', item.index, {}) as IDataObject;
	const qs: IDataObject = {};
	checkCollectionChoices(this.getNode(), item.index, filtersField, filters);
	if (filters.agentId !== undefined && filters.agentId !== '') {
		qs.agent_id = requireValid(this.getNode(), item.index, 'Filters › Agent ID', checkWholeNumberId(filters.agentId, 'text'));
	}
	if (filters.status) qs.status = filters.status;
	if (filters.type) qs.type = filters.type;
	const limit = readLimit(this, item.index);
	return toItems(await klen.listAll(this, '/calls', qs, limit, { item }));
}
