import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { oncePerRun } from '../execution/perRun';
import type { RequestSettings } from '../execution/requestSettings';
import { describeNetworkCode, isTimeout, isUnreached, networkCodeOf } from './network';
import { backoffDelayMs, isRead, isRetryable, parseRetryAfter, surelyNotActed } from './retry';
import type { AttemptOutcome } from './retry';

/** The n8n contexts that may call an API: node execution, list searches, trigger lifecycle, resume requests. */
export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface ApiCall {
	method: IHttpRequestMethods;
	/** Absolute URL: the platform transport joins its base URL and the path. */
	url: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
}

export interface ApiResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/**
 * The node's credential, read once per node run (it does not change while the node runs). n8n
 * loads and decrypts a credential from its database on every read, which costs more per item than
 * the rest of the request.
 */
export async function runCredentials<T extends object = ICredentialDataDecryptedObject>(
	context: ApiContext,
	type: string,
): Promise<T> {
	return (await oncePerRun(context, `credentials:${type}`, async () => await context.getCredentials(type))) as T;
}

/** Joins a base URL from a credential (with or without a trailing slash) and a path. */
export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/** The attempt made: an answer (any status), or a network failure. */
type Attempt = { response: ApiResponse; networkCode?: undefined } | { response?: undefined; networkCode: string };

function isUnreadable(response: ApiResponse): boolean {
	const type = String(response.headers['content-type'] ?? '');
	return typeof response.body === 'string' && response.body !== '' && /json/i.test(type);
}

async function attemptOnce(
	context: ApiContext,
	credentialType: string,
	call: ApiCall,
	timeoutMs: number,
): Promise<Attempt> {
	const options: IHttpRequestOptions = {
		method: call.method,
		url: call.url,
		qs: call.qs,
		body: call.body,
		json: true,
		timeout: timeoutMs,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	const data = await runCredentials(context, credentialType);
	const { id = '', name = credentialType } = context.getNode().credentials?.[credentialType] ?? {};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, options, {
			credentialsDecrypted: { id: id ?? '', name, type: credentialType, data },
		})) as { statusCode: number; headers: ApiResponse['headers']; body: unknown };
		return { response: { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body } };
	} catch (error) {
		// A failure that names no code may have happened after the request went out: it counts as a reset.
		return { networkCode: networkCodeOf(error) ?? 'ECONNRESET' };
	}
}

/**
 * Sends one authenticated request, retrying as the shared policy allows (`retry.ts`), and hands
 * back status, headers and body whatever the status, so each platform maps its own error envelope.
 * HTTP errors are not thrown here: n8n-core would re-send a request after a 401 when a credential
 * can refresh, and a call must never be placed twice. What cannot be answered is thrown here:
 * a server that could not be reached, or a request that may or may not have been carried out.
 * Errors never carry request details (the request holds the API token in its headers).
 */
export async function sendApiRequest(
	context: ApiContext,
	credentialType: string,
	call: ApiCall,
	settings: RequestSettings,
	itemIndex?: number,
): Promise<ApiResponse> {
	const { retry } = settings;
	let waited = 0;
	let attempt: Attempt;
	let outcome: AttemptOutcome;
	for (let number = 1; ; number++) {
		attempt = await attemptOnce(context, credentialType, call, settings.timeoutMs);
		outcome = attempt.response
			? { kind: 'status', statusCode: attempt.response.statusCode, unreadable: isUnreadable(attempt.response) }
			: { kind: 'network', code: attempt.networkCode };
		const succeeded = outcome.kind === 'status' && outcome.statusCode < 400 && !outcome.unreadable;
		if (succeeded || !isRetryable(call.method, outcome) || number >= retry.maxAttempts) break;
		const delay = backoffDelayMs(number, parseRetryAfter(attempt.response?.headers['retry-after']), retry);
		if (waited + delay > retry.maxTotalWaitMs) break;
		await sleep(delay);
		waited += delay;
	}

	const node = context.getNode();
	const mayHaveActed = !isRead(call.method) && !surelyNotActed(outcome);
	if (attempt.response) {
		const { response } = attempt;
		const unreadable = isUnreadable(response);
		if ((response.statusCode >= 500 || unreadable) && mayHaveActed) {
			const known = unreadable ? `HTTP ${response.statusCode} with an answer that is not valid JSON` : `HTTP ${response.statusCode}`;
			throw uncertainOutcomeError(node, call.url, known, itemIndex);
		}
		if (unreadable) {
			throw new NodeApiError(node, { message: 'Unreadable answer' } as JsonObject, {
				message: `${hostOf(call.url)} answered with something that is not valid JSON`,
				httpCode: String(response.statusCode),
				itemIndex,
			});
		}
		return response;
	}
	const what = describeNetworkCode(attempt.networkCode, settings.timeoutMs);
	if (mayHaveActed) throw uncertainOutcomeError(node, call.url, what, itemIndex);
	throw readFailedError(node, call.url, attempt.networkCode, what, settings.timeoutMs, itemIndex);
}

/**
 * The request went out but its fate is unknown (timeout, reset, 5xx, unreadable answer). It is not
 * sent again (see execution/ledger.ts); the error says so, and with Continue On Fail the error
 * item carries what is known. `repeated`: this is a later try of the node, and nothing was sent.
 */
export function uncertainOutcomeError(
	node: INode,
	url: string,
	known: string,
	itemIndex?: number,
	{ at = new Date().toISOString(), repeated = false } = {},
) {
	const message = repeated
		? `Not sent again: an earlier try of this node got no clear answer from ${hostOf(url)}, so the request may or may not have been carried out`
		: `No clear answer from ${hostOf(url)}: the request may or may not have been carried out`;
	const error = new NodeApiError(node, { message: 'Outcome unknown' } as JsonObject, {
		message,
		description: `${known} at ${at}. It was not sent again, so that nothing (such as a phone call) happens twice. Check the result (for a call: list the calls of this number) before you try again.`,
		itemIndex,
	});
	error.context.itemOutput = { outcome: 'unknown', reason: known, attempted_at: at };
	return error;
}

/** Whether an error is one of `uncertainOutcomeError`'s: the request may have been carried out. */
export function isUncertainOutcome(error: unknown): error is NodeApiError {
	const output = (error as { context?: { itemOutput?: { outcome?: unknown } } } | undefined)?.context?.itemOutput;
	return output?.outcome === 'unknown';
}

/** A request that surely did not act (a read, or one never sent) and got no usable answer. */
function readFailedError(node: INode, url: string, code: string, what: string, timeoutMs: number, itemIndex?: number) {
	const host = hostOf(url);
	// The code stays out of the message: n8n would replace a message naming ECONNREFUSED with a generic one.
	const [message, advice] = isUnreached(code)
		? [`Could not reach ${host}`, 'Check the Base URL in the credential and that the service is reachable from n8n.']
		: isTimeout(code)
			? [`${host} did not answer within ${Math.round(timeoutMs / 1000)} s`, 'Try again later, or raise Request Options › Timeout.']
			: [`No complete answer from ${host}`, 'Try again later.'];
	return new NodeApiError(node, { message } as JsonObject, { message, description: `${what}. ${advice}`, itemIndex });
}

/** Builds the error for an HTTP failure from plain values only, never from the request. */
export function httpError(
	node: INode,
	response: ApiResponse,
	message: string,
	description: string | undefined,
	itemIndex?: number,
): NodeApiError {
	const status = String(response.statusCode);
	return new NodeApiError(node, { message, httpCode: status } as JsonObject, {
		message,
		description,
		httpCode: status,
		itemIndex,
	});
}
