import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dateFilterQuery } from '../../../shared/parameters/dateFilters';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { checkCollectionChoices } from '../../../shared/parameters/validation';
import { voiceOs } from '../../client';
import { filtersProperty, readLimit, returnAllOrLimit } from '../../../shared/parameters/listOptions';
import { CREATED_FILTERS, createdFilterOptions } from '../common.descriptions';
import { conversationWithoutSecrets } from './conversation';

const filtersField = filtersProperty([
	...createdFilterOptions,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: 'ended',
		options: [
			{ name: 'Ended', value: 'ended' },
			{ name: 'Queued', value: 'queued' },
			{ name: 'Started', value: 'started' },
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
	if (filters.status) qs.status = filters.status;
	Object.assign(qs, dateFilterQuery(this, item.index, filters, CREATED_FILTERS));
	const conversations = await voiceOs.listAll(this, '/conversations', qs, readLimit(this, item.index), { item });
	return toItems(conversations.map(conversationWithoutSecrets));
}
