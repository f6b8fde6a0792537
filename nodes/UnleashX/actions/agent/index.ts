import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: "List the workspace's UnleashX agents (no input needed). Returns one item per agent.", action: 'Get many agents' }],
		default: 'getMany',
	},
	...getMany.description,
];
