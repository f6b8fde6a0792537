import { isSince } from '../../../shared/calling/pastCalls';
import type { FindCallsTo } from '../../../shared/calling/pastCalls';
import { klen } from '../../client';

/** How many pages of 100 outbound calls are searched for a number (the list has no number filter). */
const PAGES_SEARCHED = 5;

export const RECENT_CALLS_NOTE =
	"Klen AI's call list cannot be filtered by number or date: the 500 most recent outbound calls are searched. A call without a start time yet (queued) counts as recent.";

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** Outbound calls to a number since a time, from the newest pages of `GET /calls` (compared as E.164). */
export const findKlenCallsTo: FindCallsTo = async (context, item, phone, since) => {
	const rows = await klen.listAll(context, '/calls', { type: 'outbound' }, undefined, { item, maxPages: PAGES_SEARCHED });
	return rows
		.filter((row) => row.phone_number === phone.e164 && isSince(row.started_at ?? row.created_at, since))
		.map((row) => ({ call_id: text(row.call_id) ?? text(row.id), at: text(row.started_at ?? row.created_at) }));
};
