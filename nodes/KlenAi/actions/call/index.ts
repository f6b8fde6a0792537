import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as initiate from './initiate.operation';
import * as waitForCallingHours from './waitForCallingHours.operation';

export { get, getMany, initiate, waitForCallingHours };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one call by its Call ID. Returns its transcript, summary, recording and billing.', action: 'Get a call' },
			{ name: 'Get Many', value: 'getMany', description: 'List calls, optionally filtered by agent, status or type (no input needed). Returns one item per call.', action: 'Get many calls' },
			{
				name: 'Initiate',
				value: 'initiate',
				description: "Place an outbound phone call with a Klen AI agent to a phone number. Returns the queued call's ID at once, the result coming later (Get, or the Klen AI Trigger), or skipped: true with the reason when a calling rule stops it.",
				action: 'Initiate a call',
			},
			{
				name: 'Wait for Calling Hours',
				value: 'waitForCallingHours',
				description:
					"Hold the items until Calling Hours allow a call to each Phone Number in the callee's local time (at most Maximum Hold), then pass them on to Initiate. Returns the items unchanged, once the hours allow.",
				action: 'Wait for calling hours',
			},
		],
		default: 'initiate',
	},
	...initiate.description,
	...get.description,
	...getMany.description,
	...waitForCallingHours.description,
];
