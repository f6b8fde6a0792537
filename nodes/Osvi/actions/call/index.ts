import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRecording from './getRecording.operation';
import * as getTranscript from './getTranscript.operation';
import * as initiate from './initiate.operation';

export { get, getMany, getRecording, getTranscript, initiate };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				description: 'Get a call with its status, summary, extracted data and post-call analysis',
				action: 'Get a call',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List calls, newest first, filtered by status, agent, campaign, phone or date',
				action: 'Get many calls',
			},
			{
				name: 'Get Recording',
				value: 'getRecording',
				description: "Get a link to a call's audio recording (valid 15 minutes), or download it",
				action: 'Get a call recording',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				description: 'Get the conversation of a call, turn by turn',
				action: 'Get a call transcript',
			},
			{
				name: 'Initiate',
				value: 'initiate',
				description:
					'Start an outbound phone call with an AI agent. The call runs asynchronously: the result comes later (Get, or the OSVI Trigger).',
				action: 'Initiate a call',
			},
		],
		default: 'initiate',
	},
	...initiate.description,
	...get.description,
	...getMany.description,
	...getTranscript.description,
	...getRecording.description,
];
