import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readRequiredText } from '../../../shared/validation';
import { listExecutions } from '../../transport';
import { executionFilters, readExecutionFilters } from './filters';

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
		typeOptions: { minValue: 1 },
		default: 20,
		description: 'Pages of 100 executions to look through before giving up',
	},
	executionFilters,
]);

/** The key that holds the execution ID in a list row is not documented: the likely ones are tried. */
function rowId(row: IDataObject): string {
	return String(row.ID ?? row.EXECUTION_ID ?? row.execution_id ?? '');
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const executionId = readRequiredText(this, itemIndex, 'executionId', 'Execution ID');
	const maxPages = Number(this.getNodeParameter('maxPages', itemIndex, 20));
	const isWanted = (row: IDataObject) => rowId(row) === executionId;
	const rows = await listExecutions(this, readExecutionFilters(this, itemIndex), undefined, itemIndex, 100, isWanted, maxPages);
	const row = rows.find(isWanted);
	if (!row) {
		throw new NodeOperationError(this.getNode(), `Execution ${executionId} was not found in the executions list`, {
			itemIndex,
			description: `Searched ${rows.length} executions (at most ${maxPages} pages). The list covers the last month by default: set From Date, or filter by agent, to search further back.`,
		});
	}
	return [{ json: row }];
}
