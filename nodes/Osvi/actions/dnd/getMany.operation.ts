import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { invalidFieldError } from '../../../shared/validation';
import { osviListAll } from '../../transport';
import { agentLocator, readAgentId } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['getMany'] } }, [
	agentLocator,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: '98765',
		description: 'Only numbers that contain these digits',
	},
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
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, itemIndex);
	const search = (this.getNodeParameter('search', itemIndex, '') as string).trim();
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
		throw invalidFieldError(this.getNode(), itemIndex, 'Limit', 'must be a whole number of at least 1');
	}
	const qs = { agent_uuid: agentUuid, ...(search ? { search } : {}) };
	return toItems(await osviListAll(this, '/v1/dnd_numbers', qs, limit, itemIndex));
}
