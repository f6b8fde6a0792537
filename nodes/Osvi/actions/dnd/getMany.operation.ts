import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/parameters/listOptions';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { readText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { agentLocator } from '../common.descriptions';
import { readAgentId } from '../common.parameters';

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['getMany'] } }, [
	agentLocator,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: '98765',
		description: 'Only numbers that contain these digits (at most 50 characters)',
	},
	...returnAllOrLimit,
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, item.index);
	const search = readText(this, item.index, 'search', 'Search', { maxLength: 50, kind: 'line' });
	const limit = readLimit(this, item.index);
	const qs = { agent_uuid: agentUuid, ...(search ? { search } : {}) };
	return toItems(await osvi.listAll(this, '/v1/dnd_numbers', qs, limit, { item }));
}
