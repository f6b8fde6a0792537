import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as makeCall from './makeCall.operation';
import * as waitForCallingHours from './waitForCallingHours.operation';

export { get, getMany, makeCall, waitForCallingHours };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Find one call by its Execution ID in the executions list. Returns the execution with its status, transcript and audio.', action: 'Get a call' },
			{ name: 'Get Many', value: 'getMany', description: 'List call executions (no input needed). Returns one item per execution with its status, transcript and audio.', action: 'Get many calls' },
			{
				name: 'Make Call',
				value: 'makeCall',
				description: 'Place an outbound phone call with an UnleashX voice agent to a phone number. Returns the execution ID at once (keep it to find the call later), or skipped: true with the reason when a calling rule stops it.',
				action: 'Make a call',
			},
			{
				name: 'Wait for Calling Hours',
				value: 'waitForCallingHours',
				description:
					"Hold the items until Calling Hours allow a call to each Phone Number in the callee's local time (at most Maximum Hold), then pass them on to Make Call. Returns the items unchanged, once the hours allow.",
				action: 'Wait for calling hours',
			},
		],
		default: 'makeCall',
	},
	...makeCall.description,
	...get.description,
	...getMany.description,
	...waitForCallingHours.description,
];
