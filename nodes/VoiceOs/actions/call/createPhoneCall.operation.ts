import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { parseJsonParameter } from '../../../shared/parameters/json';
import { readObjectInput } from '../../../shared/parameters/objectInput';
import { readPhoneParameter } from '../../../shared/parameters/phoneFields';
import { invalidFieldError, readRequiredText, validateItem } from '../../../shared/parameters/validation';
import { redactSecret } from '../../../shared/webhook/secrets';
import { voiceOs } from '../../client';
import { callBody, labels } from './createPhoneCall.schema';

export { description } from './createPhoneCall.description';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

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
	const phone = readPhoneParameter(this, itemIndex, 'toNumber', { phone: 'To Number' });
	const fromNumber = readRequiredText(this, itemIndex, 'fromNumber', 'From Number');
	const body: IDataObject = { from_number: fromNumber, to_number: phone.e164 };
	if (this.getNodeParameter('callUsing', itemIndex, 'savedAgent') === 'savedAgent') {
		body.agent_id = readRequiredText(this, itemIndex, 'agent', 'Agent');
	} else {
		body.agent_config = readInlineConfig(this, itemIndex);
	}
	return validateItem(node, itemIndex, callBody, body, labels) as IDataObject;
}

export async function execute(this: IExecuteFunctions, item: Item, body: IDataObject): Promise<INodeExecutionData[]> {
	const conversation = await voiceOs.request(this, 'POST', '/conversations/create_phone_call', { body, item });
	// The answer echoes agent_config, webhook headers included: their secrets stay out of the output.
	const secrets = ((body.agent_config as IDataObject | undefined)?.webhooks as IDataObject[] | undefined)?.flatMap((hook) =>
		Object.values((hook.headers as IDataObject | undefined) ?? {}).map(String),
	);
	const json = (secrets ?? []).reduce<unknown>((value, secret) => redactSecret(value, secret), conversation) as IDataObject;
	return [{ json }];
}
