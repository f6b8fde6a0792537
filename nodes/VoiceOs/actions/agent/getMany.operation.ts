import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { dateFilterQuery } from '../../../shared/parameters/dateFilters';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { voiceOs } from '../../client';
import { filtersProperty, readLimit, returnAllOrLimit } from '../../../shared/parameters/listOptions';
import { CREATED_FILTERS, createdFilterOptions } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, [
	...returnAllOrLimit,
	filtersProperty(createdFilterOptions),
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', item.index, {}) as IDataObject;
	const qs: IDataObject = {};
	Object.assign(qs, dateFilterQuery(this, item.index, filters, CREATED_FILTERS));
	return toItems(await voiceOs.listAll(this, '/agents', qs, readLimit(this, item.index), { item }));
}
