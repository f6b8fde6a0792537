import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readLimit, returnAllOrLimit } from '../../../shared/listOptions';
import { toItems } from '../../../shared/router';
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
	...returnAllOrLimit,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, itemIndex);
	const search = (this.getNodeParameter('search', itemIndex, '') as string).trim();
	const limit = readLimit(this, itemIndex);
	const qs = { agent_uuid: agentUuid, ...(search ? { search } : {}) };
	return toItems(await osviListAll(this, '/v1/dnd_numbers', qs, limit, itemIndex));
}
