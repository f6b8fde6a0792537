import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	// A bare array without envelope or paging: only active agents, most recently updated first.
	const agents = await osvi.request<IDataObject[]>(this, 'GET', '/v1/active_agents', { item });
	return toItems(Array.isArray(agents) ? agents : []);
}
