/**
 * The network error code of a failed request, wherever the n8n line at hand puts it:
 *  - a raw AxiosError (`helpers.httpRequest`, both lines): `code`, and `cause.code`;
 *  - n8n's NodeApiError from `httpRequestWithAuthentication`: `httpCode` on both lines
 *    (`'ECONNREFUSED'`, `'ECONNRESET'`, `'ECONNABORTED'` for a timeout); `cause` is the AxiosError
 *    on 2.x only (1.x drops it), so `httpCode` is what 1.x gives;
 *  - as a last resort the raw messages (`messages[]`, `message`).
 * Undefined when none of them names one.
 */
const CODE = /^E[A-Z_]{2,}$/;
const CODE_IN_TEXT = /\b(ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|EAI_AGAIN|ENOTFOUND|EPIPE|EHOSTUNREACH|ENETUNREACH|ENETDOWN)\b/;

function codeAt(value: unknown): string | undefined {
	return typeof value === 'string' && CODE.test(value) ? value : undefined;
}

export function networkCodeOf(error: unknown): string | undefined {
	if (!error || typeof error !== 'object') return undefined;
	const failure = error as { code?: unknown; httpCode?: unknown; cause?: unknown; messages?: unknown; message?: unknown };
	let current: unknown = failure;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const found = codeAt((current as { code?: unknown }).code);
		if (found) return found;
		current = (current as { cause?: unknown }).cause;
	}
	const fromHttpCode = codeAt(failure.httpCode);
	if (fromHttpCode) return fromHttpCode;
	const texts = [...(Array.isArray(failure.messages) ? failure.messages : []), failure.message].filter(
		(text): text is string => typeof text === 'string',
	);
	for (const text of texts) {
		const match = CODE_IN_TEXT.exec(text) ?? (/timeout of \d+ms exceeded/i.test(text) ? ['', 'ECONNABORTED'] : null);
		if (match) return match[1];
	}
	return undefined;
}

/** Codes of a request that waited for an answer in vain (axios reports its own timeout as ECONNABORTED). */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export function isTimeout(code: string): boolean {
	return TIMEOUT_CODES.has(code);
}

/** Codes of a connection that never carried the request: the host was not reached. */
const UNREACHED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

export function isUnreached(code: string): boolean {
	return UNREACHED_CODES.has(code);
}

/** What the code means, for an error description a user can read. */
export function describeNetworkCode(code: string, timeoutMs: number): string {
	if (TIMEOUT_CODES.has(code)) return `No answer within ${Math.round(timeoutMs / 1000)} s (timeout, ${code})`;
	if (code === 'ECONNRESET') return 'The connection was reset before an answer came (ECONNRESET)';
	if (code === 'ECONNREFUSED') return 'The connection was refused (ECONNREFUSED)';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `The host name could not be resolved (${code})`;
	// axios: the answer's stream was aborted part-way (e.g. by the timeout while the body was still coming).
	if (code === 'ERR_BAD_RESPONSE') return 'The answer was cut off before it was complete (ERR_BAD_RESPONSE)';
	return `The request failed on the network (${code})`;
}
