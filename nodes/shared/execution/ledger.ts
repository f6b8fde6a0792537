import { createHash } from 'crypto';

import type { IExecuteFunctions } from 'n8n-workflow';

import { BoundedMemory } from './boundedMemory';

/**
 * What each acting request (placing a call, uploading contacts, sending a message, changing a DND
 * list) did, per execution and node, kept in the memory of the process that runs the execution.
 *
 * n8n's "Retry On Fail" runs the whole node again, on every item, in the same process (in queue
 * mode on the same worker), with the same execution ID. Without this record every item that had
 * already been carried out would be sent again: a second phone call to the same person. With it:
 *  - a request that was carried out is not sent again; its recorded answer comes back;
 *  - a request whose outcome was unknown (timeout, reset, 5xx) is not sent again either: it fails
 *    again, saying when the first attempt was;
 *  - a request that surely failed (refused by the API, rate limit spent, connection refused) is
 *    forgotten, so it may be sent.
 * Entries expire, and the record holds a bounded number of them, so memory stays flat in a
 * long-running n8n.
 */

export type LedgerEntry =
	| { state: 'sending'; at: number }
	| { state: 'done'; at: number; answer: unknown }
	| { state: 'unknown'; at: number; reason: string };

/** Long enough for every retry of a node run (n8n waits at most 5 × 5 s, plus the run itself). */
export const LEDGER_TTL_MS = 24 * 60 * 60 * 1000;
/** Far above the acting requests of one node run; the oldest entries go first beyond it. */
export const LEDGER_MAX_ENTRIES = 100_000;

const entries = new BoundedMemory<LedgerEntry>(LEDGER_TTL_MS, LEDGER_MAX_ENTRIES);

/** The execution and node an action belongs to; none outside a node run with an execution ID. */
export function executionScope(context: object): string | undefined {
	const execution = context as Partial<IExecuteFunctions>;
	if (typeof execution.getExecutionId !== 'function' || typeof execution.getInputData !== 'function') return undefined;
	const executionId = execution.getExecutionId();
	if (executionId === undefined || executionId === null || executionId === '') return undefined;
	return `${executionId}\u0000${execution.getNode!().name}`;
}

/**
 * The key of one acting request of one item: the same item sending the same request in the same
 * execution and node is recognised, whatever try of the node it is.
 */
export function actionKey(context: object, itemIndex: number, request: { method: string; url: string; body?: unknown }) {
	const scope = executionScope(context);
	if (scope === undefined) return undefined;
	const digest = createHash('sha256')
		.update(`${request.method} ${request.url}\u0000${JSON.stringify(request.body ?? null)}`)
		.digest('base64url');
	return `${scope}\u0000${itemIndex}\u0000${digest}`;
}

export function recall(key: string): LedgerEntry | undefined {
	return entries.get(key);
}

export function remember(key: string, entry: LedgerEntry) {
	entries.set(key, entry, entry.at);
}

export function forget(key: string) {
	entries.delete(key);
}

/** How many entries the record holds (for tests and benchmarks of its bound). */
export function ledgerSize(): number {
	return entries.size;
}
