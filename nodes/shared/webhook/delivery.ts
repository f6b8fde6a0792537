import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { firstDelivery } from './repeats';

/** Answers the request directly and starts no execution. */
export function answerWithoutExecution(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * The gate every trigger passes a request through: 401 unless `authorised`, 400 unless the body is
 * a non-empty JSON object. Returns the body, or the answer already given.
 */
export function admitJsonObject(
	context: IWebhookFunctions,
	authorised: boolean,
): { body: IDataObject; answered?: undefined } | { body?: undefined; answered: IWebhookResponseData } {
	if (!authorised) return { answered: answerWithoutExecution(context, 401, { error: 'Unauthorized' }) };
	const body = context.getBodyData();
	if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length === 0) {
		return { answered: answerWithoutExecution(context, 400, { error: 'Expected a JSON object body' }) };
	}
	return { body };
}

/**
 * The answer for a delivery already received (see repeats.ts), or undefined for a first one, which
 * is then remembered. Off with the trigger's "Ignore Repeated Deliveries" option, and in the
 * editor's test mode (n8n keeps no static data for test runs, and a user resends samples there).
 */
export function answerIfRepeated(context: IWebhookFunctions, key: string): IWebhookResponseData | undefined {
	const options = context.getNodeParameter('options', {}) as { ignoreRepeats?: boolean };
	if (options.ignoreRepeats === false || context.getMode() === 'manual') return undefined;
	if (firstDelivery(context, key)) return undefined;
	return answerWithoutExecution(context, 200, { received: true, ignored: 'repeated delivery' });
}

/** The raw bytes of the request, as the platform sent them (n8n keeps them beside the parsed body). */
export function rawBodyOf(context: IWebhookFunctions): Buffer | undefined {
	return (context.getRequestObject() as unknown as { rawBody?: Buffer }).rawBody;
}
