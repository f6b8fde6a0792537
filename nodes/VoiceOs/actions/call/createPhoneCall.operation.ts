import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { onFirstUse } from '../../../shared/execution/onFirstUse';
import type { Item } from '../../../shared/execution/operation';
import { checkHeaderName, checkHeaderValue } from '../../../shared/parameters/headers';
import { readTextId } from '../../../shared/parameters/ids';
import { isReservedKey, reservedKeyProblem } from '../../../shared/parameters/json';
import { readJsonObject, readObjectInput } from '../../../shared/parameters/objectInput';
import { requirePhone } from '../../../shared/parameters/phoneFields';
import { checkHttpUrl, unreachableUrlProblem } from '../../../shared/parameters/urls';
import { describeFieldPath, invalidFieldError, readChoice, requireValid, validateItem } from '../../../shared/parameters/validation';
import { redactSecret } from '../../../shared/webhook/secrets';
import { voiceOs } from '../../client';
import { CALL_USING } from './createPhoneCall.description';
import type * as CallSchema from './createPhoneCall.schema';
import { placeCall } from '../../../shared/calling/placeCall';
import type { PreparedCall } from '../../../shared/calling/placeCall';
import { readCallingRules } from '../../../shared/calling/rules';
import { findVoiceOsCallsTo } from './calling';
import { waiting } from './waiting';

// Loaded on first use: the schema loads the zod bundle, which n8n's start-up need not pay for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requestSchema = onFirstUse(() => require('./createPhoneCall.schema') as typeof CallSchema);

export { description } from './createPhoneCall.description';
export { waiting };

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

/** A collection's fields without the ones left empty. */
function setFields(collection: unknown): IDataObject | undefined {
	if (!collection || typeof collection !== 'object') return undefined;
	const entries = Object.entries(collection).filter(([, value]) => value !== '' && value !== undefined);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** The webhook of "Send Events to a Webhook": its URL and secret header checked here, so errors name those fields. */
function readWebhook(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = context.getNode();
	const url = requireValid(node, itemIndex, 'Webhook URL', checkHttpUrl(context.getNodeParameter('webhookUrl', itemIndex, '')));
	const secret = requireValid(node, itemIndex, 'Secret', checkHeaderValue(context.getNodeParameter('webhookSecret', itemIndex, '')));
	const headers: IDataObject = {};
	if (secret !== '') {
		const name = requireValid(node, itemIndex, 'Secret Header Name', checkHeaderName(context.getNodeParameter('webhookHeaderName', itemIndex, '')));
		if (isReservedKey(name)) throw invalidFieldError(node, itemIndex, 'Secret Header Name', reservedKeyProblem(name));
		headers[name] = secret;
	}
	return { events: context.getNodeParameter('webhookEvents', itemIndex, []), url, method: 'POST', headers };
}

/** The inline agent configuration as read from the fields; the schema checks every value. */
function readInlineConfig(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const config: IDataObject = {
		prompt: context.getNodeParameter('prompt', itemIndex, ''),
		initial_message: context.getNodeParameter('initialMessage', itemIndex, ''),
		max_duration_seconds: context.getNodeParameter('maxDurationSeconds', itemIndex, 600),
	};
	const voice = setFields(context.getNodeParameter('voice', itemIndex, {}));
	if (voice) config.voice = voice;
	const languageModel = setFields(context.getNodeParameter('languageModel', itemIndex, {}));
	if (languageModel) config.language_model = languageModel;
	const transcriber = setFields(context.getNodeParameter('transcriber', itemIndex, {}));
	if (transcriber) {
		if (typeof transcriber.keywords === 'string') {
			transcriber.keywords = transcriber.keywords.split(',').map((word) => word.trim()).filter(Boolean);
		}
		config.transcriber = transcriber;
	}
	const metadata = readObjectInput(context, itemIndex, 'metadata', 'Metadata');
	if (metadata !== undefined) config.metadata = metadata;
	if (context.getNodeParameter('sendEvents', itemIndex, false) === true) config.webhooks = [readWebhook(context, itemIndex)];
	const extra = readJsonObject(context, itemIndex, 'agentConfigJson', 'Additional Configuration (JSON)');
	if (extra !== undefined) {
		const { webhooks, ...rest } = extra;
		Object.assign(config, rest);
		// Webhooks given in JSON are added to the one set above, not put in its place.
		if (webhooks !== undefined) {
			config.webhooks = Array.isArray(webhooks) ? [...((config.webhooks as IDataObject[]) ?? []), ...(webhooks as IDataObject[])] : webhooks;
		}
	}
	return config;
}

/**
 * Reads and validates one item; nothing is sent (the router prepares every item first). Webhook
 * URLs on a private host are refused unless the credential's Base URL is private too (urls.ts).
 */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedCall> {
	const node = this.getNode();
	const country = this.getNodeParameter('country', itemIndex, '');
	const to = requirePhone(node, itemIndex, this.getNodeParameter('toNumber', itemIndex, ''), country, { phone: 'To Number' });
	const fromValue = this.getNodeParameter('fromNumber', itemIndex, '', { extractValue: true });
	const from = requirePhone(node, itemIndex, fromValue, country, { phone: 'From Number' });
	const body: IDataObject = { from_number: from.e164, to_number: to.e164 };
	if (readChoice(this, itemIndex, 'callUsing', 'Call Using', CALL_USING, 'savedAgent') === 'savedAgent') {
		body.agent_id = readTextId(this, itemIndex, 'agent', 'Agent', { emptyProblem: 'is empty: pick an agent' });
	} else {
		body.agent_config = readInlineConfig(this, itemIndex);
	}
	const { callBody, labels } = requestSchema();
	const checked = validateItem(node, itemIndex, callBody, body, labels);
	const webhooks = checked.agent_config?.webhooks ?? [];
	for (const [index, { url }] of webhooks.entries()) {
		const problem = unreachableUrlProblem(url, 'VoiceOS', await voiceOs.baseUrl(this));
		if (problem !== undefined) {
			throw invalidFieldError(node, itemIndex, describeFieldPath(['agent_config', 'webhooks', index, 'url'], labels), problem);
		}
	}
	return { body: checked as IDataObject, phone: to, rules: readCallingRules(this, itemIndex) };
}

const CALL_PATH = '/conversations/create_phone_call';

export async function execute(this: IExecuteFunctions, item: Item, { body, phone, rules }: PreparedCall): Promise<INodeExecutionData[]> {
	// Waiting durably, the resume URL is one of the call's webhooks.
	const request = await waiting.request(this, body);
	const outcome = await placeCall(this, item, {
		phone,
		rules,
		carriedOutBefore: await voiceOs.carriedOutBefore(this, item, 'POST', CALL_PATH, request),
		findCallsTo: findVoiceOsCallsTo,
		place: async () => await voiceOs.request(this, 'POST', CALL_PATH, { body: request, item }),
		callIdOf: (conversation) => (typeof conversation.id === 'string' ? conversation.id : null),
		recordFound: async ({ call_id }) => {
			const conversation = { id: call_id, type: 'outbound_phone_call', phone_call: { to_number: phone.e164, from_number: body.from_number } };
			await voiceOs.recordOutcome(this, item, 'POST', CALL_PATH, request, conversation);
			return conversation;
		},
	});
	if (outcome.skipped) return [{ json: outcome.skipped }];
	// The answer echoes agent_config, webhook headers included: their secrets stay out of the output.
	const secrets = ((body.agent_config as IDataObject | undefined)?.webhooks as IDataObject[] | undefined)?.flatMap((hook) =>
		Object.values((hook.headers as IDataObject | undefined) ?? {}).map(String),
	);
	const json = (secrets ?? []).reduce<unknown>((value, secret) => redactSecret(value, secret), outcome.answer) as IDataObject;
	// The first answer was unclear; the call was then found in VoiceOS's conversation list.
	return [{ json: outcome.reconciled ? { ...json, outcome: 'placed', found_in_call_list: true } : json }];
}
