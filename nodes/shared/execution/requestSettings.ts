import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY } from '../transport/retry';
import { sameForEveryItem } from './sameForEveryItem';
import type { RetrySettings } from '../transport/retry';

/**
 * Literal defaults in the property below repeat these (n8n's lint wants literals there).
 * Concurrency 32, from measurement (docs/benchmarks.md): n8n's HTTP Request node, untuned, starts
 * every item at once and has 30 to 40 requests in flight (its CPU is the limit); at 16 this node
 * was slower than that on n8n 1.x, at 32 as fast on both lines, and a platform never sees more
 * than 32 at a time. None of the platforms documents a limit on requests in flight; Klen AI
 * documents 60 requests a minute per key, which no number of requests at once keeps to: there its
 * 429 answers, honoured with their Retry-After, set the pace.
 */
export const DEFAULT_CONCURRENCY = 32;
export const MAX_CONCURRENCY = 32;
export const DEFAULT_TIMEOUT_MS = 60_000;

/** The same "Request Options" on every action node: parallelism, retries and timeout. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
			default: 32,
			description:
				"How many items are handled at the same time (1 = one after the other). Output order and item pairing are kept either way. Klen AI allows 60 requests a minute per key: beyond that its 429 answers and their Retry-After set the pace, whatever this says.",
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10 },
			default: 5,
			description:
				'Attempts per request, the first included. Reads are retried after rate limits, server errors and network errors; anything that acts (placing a call, uploading contacts, sending a message) only when the server surely did not act (rate limit, connection refused), so nothing happens twice.',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxRetryWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description: "Longest total wait between attempts of one request, Retry-After included",
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description: 'How long to wait for an answer to one request',
		},
	],
};

export interface RequestSettings {
	retry: RetrySettings;
	timeoutMs: number;
}

/** What list searches and trigger set-up use: they have no items, hence no Request Options. */
export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
	retry: DEFAULT_RETRY,
	timeoutMs: DEFAULT_TIMEOUT_MS,
};

function positive(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) && number >= 0 ? number : fallback;
}

function settingsFrom(options: IDataObject): RequestSettings {
	return {
		retry: {
			...DEFAULT_RETRY,
			maxAttempts: Math.max(1, Math.floor(positive(options.maxAttempts, DEFAULT_RETRY.maxAttempts))),
			maxTotalWaitMs: positive(options.maxRetryWaitSeconds, DEFAULT_RETRY.maxTotalWaitMs / 1000) * 1000,
		},
		timeoutMs: Math.max(1, positive(options.timeoutSeconds, DEFAULT_TIMEOUT_MS / 1000)) * 1000,
	};
}

/**
 * The Request Options of each item, for the item loop: read once for all items unless they hold
 * an expression (see sameForEveryItem).
 */
export function requestSettingsReader(context: IExecuteFunctions): (itemIndex: number) => RequestSettings {
	return sameForEveryItem(context, ['requestOptions'], (itemIndex) =>
		settingsFrom(context.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject),
	);
}

/** How many items run at once: read from the first item (the pool is one for all items). */
export function readConcurrency(context: IExecuteFunctions): number {
	const options = context.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const value = Math.floor(positive(options.concurrency, DEFAULT_CONCURRENCY));
	return Math.min(MAX_CONCURRENCY, Math.max(1, value));
}
