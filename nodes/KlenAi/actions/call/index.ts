import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as initiate from './initiate.operation';

export { get, getMany, initiate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a call with its transcript, summary, recording and billing', action: 'Get a call' },
			{ name: 'Get Many', value: 'getMany', description: 'List calls, filtered by agent, status or type', action: 'Get many calls' },
			{
				name: 'Initiate',
				value: 'initiate',
				description: 'Start an outbound call with an AI agent; it is queued and runs asynchronously (use Get, or the Klen AI Trigger)',
				action: 'Initiate a call',
			},
		],
		default: 'initiate',
	},
	...initiate.description,
	...get.description,
	...getMany.description,
];
