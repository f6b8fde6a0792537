import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRecording from './getRecording.operation';
import * as getTranscript from './getTranscript.operation';
import * as initiate from './initiate.operation';
import * as waitForCallingHours from './waitForCallingHours.operation';

export { get, getMany, getRecording, getTranscript, initiate, waitForCallingHours };

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
				description: 'Get one call by its Call ID. Returns its status, summary, extracted data and post-call analysis.',
				action: 'Get a call',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List calls, newest first, optionally filtered by status, agent, campaign, phone number or date (no input needed). Returns one item per call.',
				action: 'Get many calls',
			},
			{
				name: 'Get Recording',
				value: 'getRecording',
				description: "Get a call's audio recording by its Call ID, as a link valid 15 minutes or downloaded. Returns the link, and the audio as binary data when downloaded.",
				action: 'Get a call recording',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				description: 'Get the conversation of a call by its Call ID. Returns the transcript, turn by turn.',
				action: 'Get a call transcript',
			},
			{
				name: 'Initiate',
				value: 'initiate',
				description:
					'Place an outbound phone call with an OSVI agent to a phone number (in a country). Returns the call ID at once (the result coming later: Get, or the OSVI Trigger), or with Wait for Result the finished call; or skipped: true with the reason when a calling rule stops it.',
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
	...getTranscript.description,
	...getRecording.description,
	...waitForCallingHours.description,
];
