import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { objectInputProperties } from '../../../shared/parameters/objectInput';
import { countryField, PHONE_INPUT_RULES } from '../../../shared/parameters/phoneFields';
import { agentLocator } from '../common.descriptions';
import { callingRulesProperty } from '../../../shared/calling/rules';
import { waitProperties } from '../../../shared/waiting';
import { waitOffer } from './waiting';

// The editor fields of Call → Initiate (most of the operation is its fields: every field of
// `POST /v1/call`), kept apart from what the operation does with them.
const properties: INodeProperties[] = [
	agentLocator,
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+91 98765 43210',
		description:
			`The number to call, as your CRM holds it: "+91 98765-43210", "098765 43210", "(415) 555-2671" or E.164. A number written with its own +country code decides the country. ${PHONE_INPUT_RULES}.`,
	},
	countryField('IN', { required: true, displayName: 'Country Name or ID', example: ' (ISO 3166-1 alpha-2, e.g. IN, US)' }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Initial Greeting',
				name: 'initialGreeting',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'The first line the agent speaks when the call connects. At most 2,000 characters (as OSVI counts them: an emoji is one).',
			},
			{
				displayName: 'Person Name',
				name: 'personName',
				type: 'string',
				default: '',
				description: 'Name of the person being called, given to the agent: one line of at most 200 characters',
			},
			{
				displayName: 'System Prompt Override',
				name: 'systemPrompt',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: "Replaces the agent's system prompt for this call only; at most 100,000 characters",
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…',
				description:
					"OSVI POSTs the post-call result here when the call completes, e.g. the production URL of an OSVI Trigger node. It must be an http(s) URL that OSVI's servers can reach: a local or private address is refused unless the credential's Base URL is one too.",
			},
		],
	},
	...objectInputProperties({
		name: 'additionalData',
		displayName: 'Additional Data',
		description: 'Context the agent can use during the call, e.g. the CRM record that started it',
		example: '{\n  "appointment_date": "2025-01-15"\n}',
	}),
	{
		displayName: 'Data to Extract',
		name: 'dataExtraction',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field to Extract',
		default: {},
		description:
			"Data points the agent should try to capture during the conversation (at most 50); they come back as the call's extracted data",
		options: [
			{
				displayName: 'Field',
				name: 'fields',
				values: [
					{
						displayName: 'Key',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'appointment_confirmed',
						description: 'Name of the value in the extracted data; unique within the call, one line of at most 100 characters',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						placeholder: 'Ask if they can confirm their appointment for tomorrow at 10 AM',
						description: 'What the agent should find out (required, at most 1,000 characters)',
					},
					{
						displayName: 'Required',
						name: 'required',
						type: 'boolean',
						default: false,
						description: 'Whether the agent must try to get this value',
					},
					{
						displayName: 'Output Format',
						name: 'outputFormat',
						type: 'string',
						default: '',
						placeholder: 'yes or no',
						description: 'The form of the value, e.g. "yes or no" or "a date"; at most 200 characters',
					},
				],
			},
		],
	},
	{
		displayName: 'Call Configuration Overrides',
		name: 'callConfiguration',
		type: 'collection',
		placeholder: 'Add Override',
		default: {},
		description: "Per-call changes to the agent's call behaviour; anything not set keeps the agent's default",
		options: [
			{
				displayName: 'Enable Callback',
				name: 'enableCallback',
				type: 'boolean',
				default: false,
				description: 'Whether the agent may offer a callback',
			},
			{
				displayName: 'Max Call Duration (Seconds)',
				name: 'maxCallDurationSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600, numberPrecision: 0 },
				default: 300,
				description: 'From 1 to 3,600 seconds (an hour)',
			},
			{
				displayName: 'Retry Interval (Minutes)',
				name: 'retryIntervalMinutes',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1440, numberPrecision: 0 },
				default: 30,
				description: 'Minutes between attempts when Retry Unanswered Calls is on, from 1 to 1,440 (a day)',
			},
			{
				displayName: 'Retry Max Attempts',
				name: 'retryMaxAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
				default: 2,
				description: 'From 1 to 10',
			},
			{
				displayName: 'Retry Unanswered Calls',
				name: 'retryEnabled',
				type: 'boolean',
				default: false,
				description: 'Whether OSVI calls again when nobody answers',
			},
		],
	},
	...waitProperties(waitOffer),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			// The four "Wait for Completion" options are from before Wait for Result: they show only in
			// workflows that have it switched on (so n8n keeps their values), and act as Polling.
			{
				displayName: 'Include Transcript (Old Setting)',
				name: 'includeTranscript',
				type: 'boolean',
				default: false,
				displayOptions: { show: { waitForCompletion: [true] } },
				description: 'Whether to add the conversation, turn by turn, to the finished call',
			},
			{
				displayName: 'Max Wait (Minutes) (Old Setting)',
				name: 'maxWaitMinutes',
				type: 'number',
				typeOptions: { minValue: 0.1, maxValue: 1440 },
				default: 15,
				displayOptions: { show: { waitForCompletion: [true] } },
				description: 'After this the call comes out as last read, with timed_out: true. At most 1,440 (a day).',
			},
			{
				displayName: 'Poll Interval (Seconds) (Old Setting)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: 10,
				displayOptions: { show: { waitForCompletion: [true] } },
				description: 'Seconds between two reads of the call, at most 3,600',
			},
			{
				displayName: 'Skip Numbers on the DND List',
				name: 'skipDnd',
				type: 'boolean',
				default: false,
				description:
					"Whether to check the agent's Do Not Disturb list first (read once per run) and output numbers on it as skipped instead of calling them",
			},
			{
				displayName: 'Wait for Completion (Old Setting)',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				displayOptions: { show: { waitForCompletion: [true] } },
				description:
					'Whether to wait by Polling while Wait for Result is "Don\'t Wait". Kept for workflows made before Wait for Result: switch it off and choose Wait for Result instead.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['initiate'] } }, [
	...properties,
	callingRulesProperty(
		"OSVI's call list is searched by the number's digits (newest first), and compared exactly.",
	),
]);

