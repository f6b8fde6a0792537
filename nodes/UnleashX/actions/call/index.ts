import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as makeCall from './makeCall.operation';

export { get, getMany, makeCall };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Find one call by its execution ID (searches the executions list)', action: 'Get a call' },
			{ name: 'Get Many', value: 'getMany', description: 'List call executions with their status, transcript and audio', action: 'Get many calls' },
			{
				name: 'Make Call',
				value: 'makeCall',
				description: 'Start an outbound call with a voice agent; keep the execution_id to find the call later',
				action: 'Make a call',
			},
		],
		default: 'makeCall',
	},
	...makeCall.description,
	...get.description,
	...getMany.description,
];
