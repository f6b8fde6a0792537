import { isSince } from '../../../shared/calling/pastCalls';
import type { FindCallsTo } from '../../../shared/calling/pastCalls';
import { unleashX } from '../../client';
import { EXECUTIONS } from './filters';

/**
 * UnleashX writes CREATED_AT without a time zone ("2026-11-21 09:30:00"): it is read as UTC, and a
 * row counts as recent when it could be, in any zone (up to 14 hours either way).
 */
const UNKNOWN_ZONE_MS = 14 * 3_600_000;

export const RECENT_CALLS_NOTE =
	'UnleashX lists calls by number (partial match) and day; its times carry no time zone, so a call up to 14 hours outside the window may also count as recent.';

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/** Executions to a number since a time, from the executions list (calling_number, fromdate). */
export const findUnleashXCallsTo: FindCallsTo = async (context, item, phone, since) => {
	const earliest = new Date(since.getTime() - UNKNOWN_ZONE_MS);
	const rows = await unleashX.listAll(
		context,
		EXECUTIONS,
		{ calling_number: phone.nationalNumber, fromdate: earliest.toISOString().slice(0, 10) },
		undefined,
		{ item, maxPages: 10 },
	);
	const asUtc = (time: unknown) => (typeof time === 'string' && !/[zZ]|[+-]\d\d:?\d\d$/.test(time) ? `${time.replace(' ', 'T')}Z` : time);
	return rows
		.filter((row) => digits(row.CALLING_NUMBER) === digits(phone.e164) && isSince(asUtc(row.CREATED_AT), earliest))
		.map((row) => ({ call_id: typeof row.ID === 'string' ? row.ID : null, at: typeof row.CREATED_AT === 'string' ? row.CREATED_AT : null }));
};
