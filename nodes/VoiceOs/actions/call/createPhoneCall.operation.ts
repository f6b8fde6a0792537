import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseJsonParameter } from '../../../shared/json';
import { objectInputProperties, readObjectInput } from '../../../shared/objectInput';
import { checkPhoneNumber } from '../../../shared/phone';
import { invalidFieldError, readRequiredText, validateItem } from '../../../shared/validation';
import { z } from '../../../shared/vendor/zod';
import { redactSecret } from '../../../shared/webhookSecret';
import { httpUrl, jsonObject } from '../../../shared/zodRules';
import { voiceOsApiRequest } from '../../transport';
import { agentLocator, EVENTS } from '../common.descriptions';

const inline = { callUsing: ['inline'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Call Using',
		name: 'callUsing',
		type: 'options',
		default: 'savedAgent',
		options: [
			{ name: 'Saved Agent', value: 'savedAgent', description: 'An agent configured in VoiceOS' },
			{ name: 'Inline Configuration', value: 'inline', description: 'Prompt, voice, model and transcriber given here, for this call only' },
		],
	},
	{ ...agentLocator, displayOptions: { show: { callUsing: ['savedAgent'] } } },
	{
		displayName: 'From Number',
		name: 'fromNumber',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A phone number of the VoiceOS account',
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
		description: 'The number to call, in any usual format; it is sent with its country code (E.164)',
	},
	{
		displayName: 'Default Country Name or ID',
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: 'US',
		description:
			'Country of numbers written without a +country code. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{ displayName: 'Prompt', name: 'prompt', type: 'string', typeOptions: { rows: 4 }, default: '', displayOptions: { show: inline } },
	{
		displayName: 'First Message',
		name: 'initialMessage',
		type: 'string',
		default: '',
		displayOptions: { show: inline },
		description: 'What the agent says first',
	},
	{
		displayName: 'Max Duration (Seconds)',
		name: 'maxDurationSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		displayOptions: { show: inline },
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
			{ displayName: 'Speed', name: 'speed', type: 'number', default: 1 },
			{ displayName: 'Style Guidance', name: 'style_guidance', type: 'number', default: 15.5 },
			{ displayName: 'Temperature', name: 'temperature', type: 'number', default: 1 },
			{ displayName: 'Text Guidance', name: 'text_guidance', type: 'number', default: 1.5 },
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
			{ displayName: 'Max Tokens', name: 'max_tokens', type: 'number', default: 300 },
			{ displayName: 'Model', name: 'model', type: 'string', default: '', placeholder: 'gpt-4o-mini' },
			{ displayName: 'Provider', name: 'provider', type: 'options', default: 'openai', options: [{ name: 'OpenAI', value: 'openai' }] },
			{ displayName: 'Temperature', name: 'temperature', type: 'number', default: 0 },
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
			{ displayName: 'Keywords', name: 'keywords', type: 'string', default: '', description: 'Comma-separated words to listen for' },
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'en' },
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
	},
	{
		displayName: 'Secret',
		name: 'webhookSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { ...inline, sendEvents: [true] } },
		description: "The trigger's Shared Secret; VoiceOS sends it in the header above",
	},
	{
		displayName: 'Additional Configuration (JSON)',
		name: 'agentConfigJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: inline },
		description: 'Anything else of agent_config (e.g. tools, hooks, more webhooks), merged over the fields above',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['createPhoneCall'] } }, properties);

const agentConfig = z
	.object({
		prompt: z.string().optional(),
		initial_message: z.string().optional(),
		max_duration_seconds: z.number().int('must be a whole number').positive('must be more than 0').optional(),
		voice: z.object({ provider: z.enum(['playht', 'azure', 'elevenlabs', 'deepgram', 'rime']).optional() }).passthrough().optional(),
		language_model: z.object({ provider: z.literal('openai').optional() }).passthrough().optional(),
		transcriber: z.object({ provider: z.enum(['deepgram', 'azure']).optional() }).passthrough().optional(),
		webhooks: z
			.array(z.object({ events: z.array(z.string()).min(1, 'needs at least one event'), url: httpUrl, method: z.enum(['GET', 'POST']).optional(), headers: z.record(z.string()).optional() }).passthrough())
			.optional(),
		metadata: jsonObject.optional(),
	})
	.passthrough();

const callBody = z.object({
	from_number: z.string().min(1),
	to_number: z.string().regex(/^\+\d{6,15}$/, 'must have its country code'),
	agent_id: z.string().min(1).optional(),
	agent_config: agentConfig.optional(),
});

const labels = {
	to_number: 'To Number',
	from_number: 'From Number',
	agent_id: 'Agent',
	agent_config: 'Inline Configuration',
	'agent_config.max_duration_seconds': 'Max Duration (Seconds)',
	'agent_config.voice': 'Voice',
	'agent_config.voice.provider': 'Provider',
	'agent_config.language_model': 'Language Model',
	'agent_config.language_model.provider': 'Provider',
	'agent_config.transcriber': 'Transcriber',
	'agent_config.transcriber.provider': 'Provider',
	'agent_config.webhooks': 'Webhooks',
	'agent_config.webhooks.*.url': 'Webhook URL',
	'agent_config.webhooks.*.events': 'Webhook Events',
	'agent_config.metadata': 'Metadata',
};

/** A collection's fields without the ones left empty. */
function setFields(collection: IDataObject): IDataObject | undefined {
	const entries = Object.entries(collection).filter(([, value]) => value !== '' && value !== undefined);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function readInlineConfig(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = context.getNode();
	const config: IDataObject = {};
	const text = (name: string) => String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (text('prompt')) config.prompt = text('prompt');
	if (text('initialMessage')) config.initial_message = text('initialMessage');
	config.max_duration_seconds = context.getNodeParameter('maxDurationSeconds', itemIndex, 600) as number;
	const voice = setFields(context.getNodeParameter('voice', itemIndex, {}) as IDataObject);
	if (voice) config.voice = voice;
	const languageModel = setFields(context.getNodeParameter('languageModel', itemIndex, {}) as IDataObject);
	if (languageModel) config.language_model = languageModel;
	const transcriber = setFields(context.getNodeParameter('transcriber', itemIndex, {}) as IDataObject);
	if (transcriber) {
		if (typeof transcriber.keywords === 'string') {
			transcriber.keywords = transcriber.keywords.split(',').map((word) => word.trim()).filter(Boolean);
		}
		config.transcriber = transcriber;
	}
	const metadata = readObjectInput(context, itemIndex, 'metadata', 'Metadata');
	if (metadata !== undefined) config.metadata = metadata as IDataObject;
	if (context.getNodeParameter('sendEvents', itemIndex, false)) {
		const headerName = text('webhookHeaderName');
		const secret = context.getNodeParameter('webhookSecret', itemIndex, '') as string;
		config.webhooks = [
			{
				events: context.getNodeParameter('webhookEvents', itemIndex, []) as string[],
				url: text('webhookUrl'),
				method: 'POST',
				headers: headerName && secret ? { [headerName]: secret } : {},
			},
		];
	}
	const extra = parseJsonParameter(context.getNodeParameter('agentConfigJson', itemIndex, '{}'));
	if (extra.problem !== undefined) throw invalidFieldError(node, itemIndex, 'Additional Configuration (JSON)', extra.problem);
	if (extra.value !== undefined) {
		if (!extra.value || typeof extra.value !== 'object' || Array.isArray(extra.value)) {
			throw invalidFieldError(node, itemIndex, 'Additional Configuration (JSON)', 'must be a JSON object');
		}
		const { webhooks, ...rest } = extra.value as IDataObject;
		Object.assign(config, rest);
		// Webhooks given in JSON are added to the one set above, not put in its place.
		if (Array.isArray(webhooks)) config.webhooks = [...((config.webhooks as IDataObject[]) ?? []), ...(webhooks as IDataObject[])];
	}
	return config;
}

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const checked = checkPhoneNumber(this.getNodeParameter('toNumber', itemIndex, ''), this.getNodeParameter('country', itemIndex, '') as string);
	if (checked.problem !== undefined) {
		throw invalidFieldError(node, itemIndex, checked.field === 'country' ? 'Default Country' : 'To Number', checked.problem);
	}
	const fromNumber = readRequiredText(this, itemIndex, 'fromNumber', 'From Number');
	const body: IDataObject = { from_number: fromNumber, to_number: checked.phone.e164 };
	if (this.getNodeParameter('callUsing', itemIndex, 'savedAgent') === 'savedAgent') {
		body.agent_id = readRequiredText(this, itemIndex, 'agent', 'Agent');
	} else {
		body.agent_config = readInlineConfig(this, itemIndex);
	}
	return validateItem(node, itemIndex, callBody, body, labels) as IDataObject;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject = prepare.call(this, itemIndex),
): Promise<INodeExecutionData[]> {
	const conversation = await voiceOsApiRequest(this, 'POST', '/conversations/create_phone_call', { body, itemIndex });
	// The answer echoes agent_config, webhook headers included: their secrets stay out of the output.
	const secrets = ((body.agent_config as IDataObject | undefined)?.webhooks as IDataObject[] | undefined)?.flatMap((hook) =>
		Object.values((hook.headers as IDataObject | undefined) ?? {}).map(String),
	);
	const json = (secrets ?? []).reduce<unknown>((value, secret) => redactSecret(value, secret), conversation) as IDataObject;
	return [{ json }];
}
