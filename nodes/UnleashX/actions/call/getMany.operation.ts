import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/parameters/listOptions';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { unleashX } from '../../client';
import { EXECUTIONS, executionFilters, readExecutionFilters } from './filters';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getMany'] } }, [
	...returnAllOrLimit,
	executionFilters,
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const qs = readExecutionFilters(this, item.index);
	const limit = readLimit(this, item.index);
	return toItems(await unleashX.listAll(this, EXECUTIONS, qs, limit, { item }));
}
