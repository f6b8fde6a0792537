import type { INodeProperties } from 'n8n-workflow';

import * as createPhoneCall from './createPhoneCall.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRecording from './getRecording.operation';
import * as waitForCallingHours from './waitForCallingHours.operation';

export { createPhoneCall, get, getMany, getRecording, waitForCallingHours };

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
				description: "Call a phone number (To Number) from one of the account's numbers (From Number) with a saved agent or an inline configuration. Returns the conversation at once while the call runs on (read it later with Get), or skipped: true with the reason when a calling rule stops it.",
				action: 'Create a phone call',
			},
			{ name: 'Get', value: 'get', description: 'Get one call (conversation) by its Conversation ID. Returns its messages and costs.', action: 'Get a call' },
			{ name: 'Get Many', value: 'getMany', description: 'List calls, optionally filtered by status and creation date (no input needed). Returns one item per call.', action: 'Get many calls' },
			{ name: 'Get Recording', value: 'getRecording', description: "Get a call's recording by its Conversation ID, as a link or downloaded. Returns the link, and the audio as binary data when downloaded.", action: 'Get a call recording' },
			{
				name: 'Wait for Calling Hours',
				value: 'waitForCallingHours',
				description:
					"Hold the items until Calling Hours allow a call to each Phone Number in the callee's local time (at most Maximum Hold), then pass them on to Create Phone Call. Returns the items unchanged, once the hours allow.",
				action: 'Wait for calling hours',
			},
		],
		default: 'createPhoneCall',
	},
	...createPhoneCall.description,
	...get.description,
	...getMany.description,
	...getRecording.description,
	...waitForCallingHours.description,
];
