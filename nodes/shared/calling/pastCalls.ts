import type { IExecuteFunctions } from 'n8n-workflow';

import type { Item } from '../execution/operation';
import type { NormalisedPhone } from '../parameters/phone';

/** A call found in a platform's call list: its ID and when it was made (ISO 8601), as far as known. */
export interface PastCall {
	call_id: string | null;
	at: string | null;
}

/**
 * How a platform finds the calls to a number made since a time, newest first, as far as its call
 * list allows (each platform says in its node how far that is).
 */
export type FindCallsTo = (
	context: IExecuteFunctions,
	item: Item,
	phone: NormalisedPhone,
	since: Date,
) => Promise<PastCall[]>;

/** Whether a list row's time is at or after `since`; a row without a readable time counts as recent (never call twice). */
export function isSince(time: unknown, since: Date): boolean {
	const millis = typeof time === 'string' || typeof time === 'number' ? Date.parse(String(time)) : Number.NaN;
	return Number.isNaN(millis) || millis >= since.getTime();
}
