import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { objectInputProperties, readObjectInput } from '../../../shared/objectInput';
import { checkPhoneNumber } from '../../../shared/phone';
import type { NormalisedPhone } from '../../../shared/phone';
import { invalidFieldError, validateItem } from '../../../shared/validation';
import { emptyToUndefined } from '../../../shared/zodRules';
import { osviData } from '../../transport';
import { dndNumbersOf } from '../dnd/dndCache';
import { agentLocator, readAgentId } from '../common.descriptions';
import { initiateCallBody, initiateCallLabels } from './initiate.schema';
import { waitForCallCompletion } from './waitForCompletion';
import type { WaitSettings } from './waitForCompletion';
import type { InitiateCallBody } from './initiate.schema';

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
			'The number to call, as your CRM holds it: "+91 98765-43210", "098765 43210", "(415) 555-2671" or E.164. A number written with its own +country code decides the country.',
	},
	{
		displayName: 'Country Name or ID',
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		required: true,
		default: 'IN',
		description:
			'Country of numbers written without a +country code (ISO 3166-1 alpha-2, e.g. IN, US). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
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
				description: 'The first line the agent speaks when the call connects. At most 2000 characters.',
			},
			{
				displayName: 'Person Name',
				name: 'personName',
				type: 'string',
				default: '',
				description: 'Name of the person being called, given to the agent',
			},
			{
				displayName: 'System Prompt Override',
				name: 'systemPrompt',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: "Replaces the agent's system prompt for this call only",
			},
			{
				displayName: 'Webhook URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'https://n8n.example.com/webhook/…',
				description:
					'OSVI POSTs the post-call result here when the call completes, e.g. the production URL of an OSVI Trigger node',
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
			'Data points the agent should try to capture during the conversation; they come back as the call\'s extracted data',
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
						description: 'Name of the value in the extracted data; unique within the call',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						placeholder: 'Ask if they can confirm their appointment for tomorrow at 10 AM',
						description: 'What the agent should find out (required)',
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
				typeOptions: { minValue: 1 },
				default: 300,
			},
			{
				displayName: 'Retry Interval (Minutes)',
				name: 'retryIntervalMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'Minutes between attempts when Retry Unanswered Calls is on',
			},
			{
				displayName: 'Retry Max Attempts',
				name: 'retryMaxAttempts',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 2,
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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Transcript',
				name: 'includeTranscript',
				type: 'boolean',
				default: false,
				displayOptions: { show: { waitForCompletion: [true] } },
				description: 'Whether to add the conversation, turn by turn, to the finished call',
			},
			{
				displayName: 'Max Wait (Minutes)',
				name: 'maxWaitMinutes',
				type: 'number',
				typeOptions: { minValue: 0.1 },
				default: 15,
				displayOptions: { show: { waitForCompletion: [true] } },
				description: 'After this, the item fails with the call ID (the call may still be running)',
			},
			{
				displayName: 'Poll Interval (Seconds)',
				name: 'pollIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				displayOptions: { show: { waitForCompletion: [true] } },
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
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description:
					'Whether to wait until the call has ended and its analysis is ready, and output the finished call (status, summary, extracted data). The execution stays open for the whole call: for long or many calls, use the OSVI Trigger instead.',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['initiate'] } },
	properties,
);

interface ExtractionField {
	key?: string;
	description?: string;
	required?: boolean;
	outputFormat?: string;
}

function withoutUndefined(object: Record<string, unknown>): IDataObject | undefined {
	const entries = Object.entries(object).filter(([, value]) => value !== undefined);
	return entries.length > 0 ? (Object.fromEntries(entries) as IDataObject) : undefined;
}

function readCallConfiguration(context: IExecuteFunctions, itemIndex: number) {
	const overrides = context.getNodeParameter('callConfiguration', itemIndex, {}) as IDataObject;
	const retry = withoutUndefined({
		enabled: overrides.retryEnabled,
		max_attempts: overrides.retryMaxAttempts,
		interval_minutes: overrides.retryIntervalMinutes,
	});
	return withoutUndefined({
		max_call_duration_seconds: overrides.maxCallDurationSeconds,
		enable_callback: overrides.enableCallback,
		retry_config: retry,
	});
}

/** Reads the node's fields for one item into the documented request body, and validates it. */
export function buildInitiateCallBody(
	context: IExecuteFunctions,
	itemIndex: number,
): { body: InitiateCallBody; phone: NormalisedPhone } {
	const node = context.getNode();
	const agentUuid = readAgentId(context, itemIndex);
	const country = context.getNodeParameter('country', itemIndex, '') as string;
	const checked = checkPhoneNumber(context.getNodeParameter('phoneNumber', itemIndex, ''), country);
	if (checked.problem !== undefined) {
		const field = checked.field === 'country' ? 'Country' : 'Phone Number';
		throw invalidFieldError(node, itemIndex, field, checked.problem);
	}
	const { phone } = checked;
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extraction = context.getNodeParameter('dataExtraction.fields', itemIndex, []) as ExtractionField[];

	const body = withoutUndefined({
		agent_uuid: agentUuid,
		phone_number: phone.nationalNumber,
		country_code: phone.country,
		system_prompt: emptyToUndefined(fields.systemPrompt),
		webhook_url: emptyToUndefined(fields.webhookUrl),
		person_name: emptyToUndefined(fields.personName),
		initial_greeting: emptyToUndefined(fields.initialGreeting),
		additional_data: readObjectInput(context, itemIndex, 'additionalData', 'Additional Data'),
		call_config_overrides: readCallConfiguration(context, itemIndex),
		data_extraction:
			extraction.length > 0
				? extraction.map((field) =>
						withoutUndefined({
							key: field.key,
							description: field.description,
							required: field.required,
							output_format: emptyToUndefined(field.outputFormat),
						}),
					)
				: undefined,
	});
	return { body: validateItem(node, itemIndex, initiateCallBody, body, initiateCallLabels), phone };
}

function readWaitSettings(context: IExecuteFunctions, itemIndex: number, options: IDataObject): WaitSettings | undefined {
	if (options.waitForCompletion !== true) return undefined;
	const settings = {
		pollIntervalSeconds: Number(options.pollIntervalSeconds ?? 10),
		maxWaitMinutes: Number(options.maxWaitMinutes ?? 15),
		includeTranscript: options.includeTranscript === true,
	};
	if (!(settings.pollIntervalSeconds > 0)) {
		throw invalidFieldError(context.getNode(), itemIndex, 'Options › Poll Interval (Seconds)', 'must be more than 0');
	}
	if (!(settings.maxWaitMinutes > 0)) {
		throw invalidFieldError(context.getNode(), itemIndex, 'Options › Max Wait (Minutes)', 'must be more than 0');
	}
	return settings;
}

interface PreparedCall {
	body: InitiateCallBody;
	phone: NormalisedPhone;
	wait?: WaitSettings;
	skipDnd: boolean;
}

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall {
	const { body, phone } = buildInitiateCallBody(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return { body, phone, wait: readWaitSettings(this, itemIndex, options), skipDnd: options.skipDnd === true };
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	prepared: PreparedCall = prepare.call(this, itemIndex),
): Promise<INodeExecutionData[]> {
	const { body, phone, wait, skipDnd } = prepared;
	if (skipDnd && (await dndNumbersOf(this, body.agent_uuid, itemIndex)).has(phone.e164)) {
		return [
			{
				json: { skipped: true, reason: 'dnd', call_id: null, agent_uuid: body.agent_uuid, phone_number: phone.e164, person_name: body.person_name ?? null },
			},
		];
	}
	const data = await osviData<{ call_id?: string }>(this, 'POST', '/v1/call', {
		body: body as IDataObject,
		itemIndex,
	});
	const started = {
		call_id: data?.call_id ?? null,
		agent_uuid: body.agent_uuid,
		phone_number: phone.e164,
		country_code: body.country_code,
		person_name: body.person_name ?? null,
	};
	if (!wait || !started.call_id) return [{ json: started }];
	return [{ json: await waitForCallCompletion(this, started.call_id, wait, itemIndex) }];
}
