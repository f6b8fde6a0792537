import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dateFilterQuery } from '../../../shared/dateFilters';
import { toItems } from '../../../shared/router';
import { voiceOsListAll } from '../../transport';
import { readLimit, returnAllOrLimit } from '../../../shared/listOptions';
import { CREATED_FILTERS } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getMany'] } }, [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '' },
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
		],
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.status) qs.status = filters.status;
	Object.assign(qs, dateFilterQuery(this, itemIndex, filters, CREATED_FILTERS));
	return toItems(await voiceOsListAll(this, '/conversations', qs, readLimit(this, itemIndex), itemIndex));
}
