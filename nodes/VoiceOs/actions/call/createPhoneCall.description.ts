import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { OBJECT_INPUT_RULES, objectInputProperties } from '../../../shared/parameters/objectInput';
import { countryField, PHONE_INPUT_RULES } from '../../../shared/parameters/phoneFields';
import { agentLocator, EVENTS } from '../common.descriptions';
import { callingRulesProperty } from '../../../shared/calling/rules';
import { waitProperties } from '../../../shared/waiting';
import { waitOffer } from './waiting';
import { RECENT_CALLS_NOTE } from './calling';

// The editor fields of Call → Create Phone Call: a saved agent, or an inline agent configuration
// (prompt, voice, model, transcriber, webhook), kept apart from what the operation does with them.
const inline = { callUsing: ['inline'] };

export const CALL_USING = [
	{ name: 'Saved Agent', value: 'savedAgent', description: 'An agent configured in VoiceOS' },
	{ name: 'Inline Configuration', value: 'inline', description: 'Prompt, voice, model and transcriber given here, for this call only' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Call Using',
		name: 'callUsing',
		type: 'options',
		default: 'savedAgent',
		options: CALL_USING,
	},
	{ ...agentLocator, displayOptions: { show: { callUsing: ['savedAgent'] } } },
	{
		displayName: 'From Number',
		name: 'fromNumber',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A phone number of the VoiceOS account; written without +country code, it is read in the country below',
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true } },
			{ displayName: 'Number', name: 'number', type: 'string', placeholder: '+14155550100' },
		],
	},
	{
		displayName: 'To Number',
		name: 'toNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155552671',
		description: `The number to call, in any usual format; it is sent with its country code (E.164). ${PHONE_INPUT_RULES}.`,
	},
	countryField('US'),
	{
		displayName: 'Prompt',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		displayOptions: { show: inline },
		description: "The agent's instructions, at most 100,000 characters",
	},
	{
		displayName: 'First Message',
		name: 'initialMessage',
		type: 'string',
		default: '',
		displayOptions: { show: inline },
		description: 'What the agent says first, at most 5,000 characters',
	},
	{
		displayName: 'Max Duration (Seconds)',
		name: 'maxDurationSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 3600, numberPrecision: 0 },
		default: 600,
		displayOptions: { show: inline },
		description: 'The longest the call may last, from 1 to 3,600 seconds (VoiceOS default: 600)',
	},
	{
		displayName: 'Voice',
		name: 'voice',
		type: 'collection',
		placeholder: 'Add Voice Setting',
		default: {},
		displayOptions: { show: inline },
		options: [
			{ displayName: 'Credential ID', name: 'credential_id', type: 'string', default: '' },
			{ displayName: 'Model', name: 'model', type: 'string', default: '', placeholder: 'susan' },
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				default: 'azure',
				options: ['azure', 'deepgram', 'elevenlabs', 'playht', 'rime'].map((value) => ({ name: value, value })),
			},
			{
				displayName: 'Speed',
				name: 'speed',
				type: 'number',
				typeOptions: { minValue: 0.1, maxValue: 5 },
				default: 1,
				description: 'Speaking rate, from 0.1 to 5 (1 = normal)',
			},
			{
				displayName: 'Style Guidance',
				name: 'style_guidance',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 30 },
				default: 15.5,
				description: 'How closely the voice keeps its style, from 1 to 30 (PlayHT)',
			},
			{
				displayName: 'Temperature',
				name: 'temperature',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 2 },
				default: 1,
				description: 'Variation of the voice, from 0 to 2',
			},
			{
				displayName: 'Text Guidance',
				name: 'text_guidance',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 2 },
				default: 1.5,
				description: 'How closely the voice follows the text, from 1 to 2 (PlayHT)',
			},
		],
	},
	{
		displayName: 'Language Model',
		name: 'languageModel',
		type: 'collection',
		placeholder: 'Add Language Model Setting',
		default: {},
		displayOptions: { show: inline },
		options: [
			{ displayName: 'Credential ID', name: 'credential_id', type: 'string', default: '' },
			{
				displayName: 'Max Tokens',
				name: 'max_tokens',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 32768, numberPrecision: 0 },
				default: 300,
				description: 'Longest reply of the model, from 1 to 32,768 tokens',
			},
			{ displayName: 'Model', name: 'model', type: 'string', default: '', placeholder: 'gpt-4o-mini' },
			{ displayName: 'Provider', name: 'provider', type: 'options', default: 'openai', options: [{ name: 'OpenAI', value: 'openai' }] },
			{
				displayName: 'Temperature',
				name: 'temperature',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 2 },
				default: 0,
				description: 'Randomness of the replies, from 0 to 2',
			},
		],
	},
	{
		displayName: 'Transcriber',
		name: 'transcriber',
		type: 'collection',
		placeholder: 'Add Transcriber Setting',
		default: {},
		displayOptions: { show: inline },
		options: [
			{ displayName: 'Credential ID', name: 'credential_id', type: 'string', default: '' },
			{
				displayName: 'Keywords',
				name: 'keywords',
				type: 'string',
				default: '',
				description: 'Comma-separated words to listen for: at most 100 words of at most 100 characters',
			},
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'en', description: 'A language code such as en or en-US' },
			{ displayName: 'Model', name: 'model', type: 'string', default: '', placeholder: 'nova-2' },
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				default: 'deepgram',
				options: [
					{ name: 'Azure', value: 'azure' },
					{ name: 'Deepgram', value: 'deepgram' },
				],
			},
		],
	},
	...objectInputProperties({
		name: 'metadata',
		displayName: 'Metadata',
		description: 'Your own data kept with the call (e.g. the CRM record ID)',
		example: '{\n  "crm_id": "42"\n}',
	}).map((property) => ({ ...property, displayOptions: { show: { ...inline, ...(property.displayOptions?.show ?? {}) } } })),
	{
		displayName: 'Send Events to a Webhook',
		name: 'sendEvents',
		type: 'boolean',
		default: false,
		displayOptions: { show: inline },
		description: 'Whether to add a webhook to this call, e.g. the Production URL of a VoiceOS Trigger, with a secret header',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { ...inline, sendEvents: [true] } },
		description:
			"Where VoiceOS sends the events: an http(s) URL that VoiceOS's servers can reach (a local or private address is refused unless the credential's Base URL is one too)",
	},
	{
		displayName: 'Webhook Events',
		name: 'webhookEvents',
		type: 'multiOptions',
		default: ['conversation:ended'],
		options: EVENTS,
		displayOptions: { show: { ...inline, sendEvents: [true] } },
	},
	{
		displayName: 'Secret Header Name',
		name: 'webhookHeaderName',
		type: 'string',
		default: 'X-VoiceOS-Secret',
		displayOptions: { show: { ...inline, sendEvents: [true] } },
		description: 'An HTTP header name: letters, digits, "-" and the few other signs HTTP allows in one, no spaces or line breaks',
	},
	{
		displayName: 'Secret',
		name: 'webhookSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { ...inline, sendEvents: [true] } },
		description: "The trigger's Shared Secret; VoiceOS sends it in the header above. One line of at most 4,096 characters.",
	},
	{
		displayName: 'Additional Configuration (JSON)',
		name: 'agentConfigJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: inline },
		description: `Anything else of agent_config (e.g. tools, hooks, more webhooks), merged over the fields above and checked by the same rules. ${OBJECT_INPUT_RULES}.`,
	},
	...waitProperties(waitOffer),
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['createPhoneCall'] } }, [
	...properties,
	callingRulesProperty(RECENT_CALLS_NOTE),
]);
