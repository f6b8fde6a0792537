import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { onFirstUse } from '../../../shared/execution/onFirstUse';
import type { Item } from '../../../shared/execution/operation';
import { readObjectInput } from '../../../shared/parameters/objectInput';
import type { NormalisedPhone } from '../../../shared/parameters/phone';
import { readPhoneParameter } from '../../../shared/parameters/phoneFields';
import { unreachableUrlProblem } from '../../../shared/parameters/urls';
import { invalidFieldError, validateItem } from '../../../shared/parameters/validation';
import { emptyToUndefined } from '../../../shared/parameters/text';
import { osvi } from '../../client';
import { readAgentId } from '../common.parameters';
import { placeCall } from '../../../shared/calling/placeCall';
import type { PreparedCall as SharedPreparedCall } from '../../../shared/calling/placeCall';
import { readCallingRules } from '../../../shared/calling/rules';
import { dndNumbersOf, findOsviCallsTo } from './calling';
import type * as InitiateSchema from './initiate.schema';
import type { InitiateCallBody } from './initiate.schema';
import { waiting } from './waiting';

// Loaded on first use: the schema loads the zod bundle, which n8n's start-up need not pay for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requestSchema = onFirstUse(() => require('./initiate.schema') as typeof InitiateSchema);

export { description } from './initiate.description';
export { waiting };

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

interface ExtractionField {
	key?: unknown;
	description?: unknown;
	required?: unknown;
	outputFormat?: unknown;
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

/**
 * Reads the node's fields for one item into the documented request body, and validates it: the
 * schema (initiate.schema.ts) checks every field's type, size and range.
 */
export function buildInitiateCallBody(
	context: IExecuteFunctions,
	itemIndex: number,
): { body: InitiateCallBody; phone: NormalisedPhone } {
	const node = context.getNode();
	const agentUuid = readAgentId(context, itemIndex);
	const phone = readPhoneParameter(context, itemIndex, 'phoneNumber', { phone: 'Phone Number', country: 'Country' });
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extraction = context.getNodeParameter('dataExtraction.fields', itemIndex, []);

	const body = withoutUndefined({
		agent_uuid: agentUuid,
		phone_number: phone.nationalNumber,
		country_code: phone.country,
		system_prompt: fields.systemPrompt,
		webhook_url: emptyToUndefined(fields.webhookUrl),
		person_name: fields.personName,
		initial_greeting: fields.initialGreeting,
		additional_data: readObjectInput(context, itemIndex, 'additionalData', 'Additional Data'),
		call_config_overrides: readCallConfiguration(context, itemIndex),
		data_extraction:
			Array.isArray(extraction) && extraction.length > 0
				? (extraction as ExtractionField[]).map((field) =>
						withoutUndefined({
							key: field.key,
							description: field.description,
							required: field.required,
							output_format: field.outputFormat,
						}),
					)
				: undefined,
	});
	const { initiateCallBody, initiateCallLabels } = requestSchema();
	return { body: validateItem(node, itemIndex, initiateCallBody, body, initiateCallLabels), phone };
}

interface PreparedCall extends SharedPreparedCall<InitiateCallBody> {
	skipDnd: boolean;
}

/**
 * Reads and validates one item; nothing is sent (the router prepares every item first). A webhook
 * URL on a private host is refused unless the credential's Base URL is private too (see urls.ts).
 */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedCall> {
	const { body, phone } = buildInitiateCallBody(this, itemIndex);
	if (body.webhook_url !== undefined) {
		const problem = unreachableUrlProblem(body.webhook_url, 'OSVI', await osvi.baseUrl(this));
		if (problem !== undefined) throw invalidFieldError(this.getNode(), itemIndex, 'Webhook URL', problem);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		body,
		phone,
		skipDnd: options.skipDnd === true,
		rules: readCallingRules(this, itemIndex),
	};
}

const CALL_PATH = '/v1/call';

export async function execute(this: IExecuteFunctions, item: Item, prepared: PreparedCall): Promise<INodeExecutionData[]> {
	const { body, phone, skipDnd, rules } = prepared;
	// Waiting durably, the call's webhook is the resume URL.
	const request = await waiting.request(this, body as IDataObject);
	const outcome = await placeCall(this, item, {
		phone,
		rules,
		carriedOutBefore: await osvi.carriedOutBefore(this, item, 'POST', CALL_PATH, request),
		findCallsTo: findOsviCallsTo,
		place: async () => await osvi.data<{ call_id?: string } | undefined>(this, 'POST', CALL_PATH, { body: request, item }),
		callIdOf: (data) => data?.call_id ?? null,
		recordFound: async ({ call_id }) => {
			await osvi.recordOutcome(this, item, 'POST', CALL_PATH, request, { success: true, data: { call_id } });
			return { call_id: call_id ?? undefined };
		},
		skipIf: skipDnd
			? async () => ((await dndNumbersOf(this, body.agent_uuid, item)).has(phone.e164) ? { skipped: true, reason: 'dnd', call_id: null } : undefined)
			: undefined,
	});
	const who = { agent_uuid: body.agent_uuid, phone_number: phone.e164 };
	if (outcome.skipped) return [{ json: { ...outcome.skipped, ...who, person_name: body.person_name ?? null } }];

	const started: IDataObject = {
		call_id: outcome.answer?.call_id ?? null,
		...who,
		country_code: body.country_code,
		person_name: body.person_name ?? null,
		// The first answer was unclear; the call was then found in OSVI's call list.
		...(outcome.reconciled ? { outcome: 'placed', found_in_call_list: true } : {}),
	};
	// Wait for Result waits once every item's call is placed (see `waiting`).
	return [{ json: started }];
}
