import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/listOptions';
import { toItems } from '../../../shared/router';
import { listExecutions } from '../../transport';
import { executionFilters, readExecutionFilters } from './filters';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getMany'] } }, [
	...returnAllOrLimit,
	executionFilters,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const qs = readExecutionFilters(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	// The page size stays the same on every page (`page` counts in units of `limit`).
	const pageSize = limit === undefined ? 100 : Math.min(100, limit);
	return toItems(await listExecutions(this, qs, limit, itemIndex, pageSize));
}
