import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { osviApiRequest } from '../../transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	// A bare array without envelope or paging: only active agents, most recently updated first.
	const agents = await osviApiRequest<IDataObject[]>(this, 'GET', '/v1/active_agents', { itemIndex });
	return toItems(Array.isArray(agents) ? agents : []);
}
