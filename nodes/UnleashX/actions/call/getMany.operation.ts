import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { invalidFieldError } from '../../../shared/validation';
import { listExecutions } from '../../transport';
import { executionFilters, readExecutionFilters } from './filters';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getMany'] } }, [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	executionFilters,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const qs = readExecutionFilters(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : Number(this.getNodeParameter('limit', itemIndex, 50));
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
		throw invalidFieldError(this.getNode(), itemIndex, 'Limit', 'must be a whole number of at least 1');
	}
	// The page size stays the same on every page (`page` counts in units of `limit`).
	const pageSize = limit === undefined ? 100 : Math.min(100, limit);
	return toItems(await listExecutions(this, qs, limit, itemIndex, pageSize));
}
