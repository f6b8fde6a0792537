import type { INodeProperties } from 'n8n-workflow';

import * as createPhoneCall from './createPhoneCall.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRecording from './getRecording.operation';

export { createPhoneCall, get, getMany, getRecording };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Create Phone Call',
				value: 'createPhoneCall',
				description: 'Call a number with a saved agent or an inline configuration; the call runs asynchronously',
				action: 'Create a phone call',
			},
			{ name: 'Get', value: 'get', description: 'Get a call (conversation) with its messages and costs', action: 'Get a call' },
			{ name: 'Get Many', value: 'getMany', description: 'List calls, filtered by status and creation date', action: 'Get many calls' },
			{ name: 'Get Recording', value: 'getRecording', description: "Get a call's recording link, or download it", action: 'Get a call recording' },
		],
		default: 'createPhoneCall',
	},
	...createPhoneCall.description,
	...get.description,
	...getMany.description,
	...getRecording.description,
];
