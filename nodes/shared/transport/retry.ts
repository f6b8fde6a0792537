/**
 * When a request may be sent again, and how long to wait first. One policy for every platform:
 *  - a read (GET) is repeated after 429, 5xx, an unreadable answer or a network error;
 *  - anything else (placing a call, uploading contacts, sending a chat message) is repeated only
 *    when the server surely did not act: 429, or a connection that was refused before the request
 *    went out. After a timeout, a reset, a 5xx or an unreadable answer it may have acted, so it is
 *    never repeated: the item fails with what is known.
 */
export interface RetrySettings {
	/** Attempts in all, the first included (1 = never retry). */
	maxAttempts: number;
	/** Total time all waits between attempts may add up to. */
	maxTotalWaitMs: number;
	/** First back-off step; doubles with each retry, with jitter. */
	baseDelayMs: number;
	/** Longest single back-off step (a Retry-After is honoured even when longer, within the total). */
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxAttempts: 5,
	maxTotalWaitMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
};

/** Error codes that mean the connection never carried the request, so the server cannot have acted. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export type AttemptOutcome =
	| { kind: 'status'; statusCode: number; unreadable: boolean }
	| { kind: 'network'; code: string };

export function isRead(method: string): boolean {
	return method.toUpperCase() === 'GET';
}

/** Whether the server surely did not act on the request. */
export function surelyNotActed(outcome: AttemptOutcome): boolean {
	if (outcome.kind === 'network') return NOT_SENT_CODES.has(outcome.code);
	return outcome.statusCode === 429;
}

/** Whether this outcome may be retried for this method (see the policy above). */
export function isRetryable(method: string, outcome: AttemptOutcome): boolean {
	if (surelyNotActed(outcome)) return true;
	if (!isRead(method)) return false;
	if (outcome.kind === 'network') return true;
	return outcome.statusCode >= 500 || outcome.unreadable;
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' || text.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text.trim())) return Math.round(Number(text.trim()) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * The wait before retry number `retry` (1 for the first retry): the server's Retry-After when it
 * gave one, otherwise exponential back-off with full jitter.
 */
export function backoffDelayMs(
	retry: number,
	retryAfterMs: number | undefined,
	settings: RetrySettings,
	random: () => number = Math.random,
): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (retry - 1));
	return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
