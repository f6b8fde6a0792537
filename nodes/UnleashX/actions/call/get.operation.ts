import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { readTextId } from '../../../shared/parameters/ids';
import { readNumber } from '../../../shared/parameters/numbers';
import { findExecutions } from './executions';
import { executionFilters, readExecutionFilters } from './filters';

const MAX_PAGES = { min: 1, max: 1_000, integer: true };

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, [
	{
		displayName:
			'UnleashX documents no way to read one call by its execution ID: this searches the executions list (newest first) for it. Filters (e.g. the agent) make the search shorter.',
		name: 'searchNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Execution ID',
		name: 'executionId',
		type: 'string',
		required: true,
		default: '',
		description: 'The execution_id that Make Call returned',
	},
	{
		displayName: 'Max Pages to Search',
		name: 'maxPages',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 20,
		description: 'Pages of 100 executions to look through before giving up, from 1 to 1,000',
	},
	executionFilters,
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const executionId = readTextId(this, item.index, 'executionId', 'Execution ID');
	const maxPages = readNumber(this, item.index, 'maxPages', 'Max Pages to Search', MAX_PAGES, 20);
	const { found, searched } = await findExecutions(this, [executionId], readExecutionFilters(this, item.index), maxPages, item);
	const row = found.get(executionId);
	if (!row) {
		throw new NodeOperationError(this.getNode(), `Execution ${executionId} was not found in the executions list`, {
			itemIndex: item.index,
			description: `Searched ${searched} executions (at most ${maxPages} pages). The list covers the last month by default: set From Date, or filter by agent, to search further back.`,
		});
	}
	return [{ json: row }];
}
