/**
 * n8n's date-time picker gives a wall-clock time without an offset (`2026-11-20T09:00:00`). An API
 * that reads offset-less times in its own zone would shift it, so the time is pinned to the
 * workflow's time zone and sent as a full ISO 8601 timestamp with its offset.
 */
import { formatOffset, wallTimeToInstant } from './zonedTime';

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?)?$/;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a date without a time (`2025-01-15`): a whole day. */
export function isBareDate(value: unknown): value is string {
	return typeof value === 'string' && BARE_DATE.test(value.trim());
}

/** Returns an ISO 8601 timestamp with offset, or throws a plain Error when the value is not a date. */
export function toZonedIsoTimestamp(value: unknown, timeZone: string): string {
	// A date object of an expression ($now) reads as its ISO text; a plain object or a list is no date.
	if (value === null || Array.isArray(value) || (typeof value === 'object' && value.toString === Object.prototype.toString)) {
		throw new Error(`must be a date, not ${Array.isArray(value) ? 'a list' : 'an object'}`);
	}
	const text = String(value).trim();
	const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
	if (HAS_ZONE.test(text)) {
		if (Number.isNaN(Date.parse(text))) throw new Error(`${shown} is not a date`);
		return text;
	}
	const match = WALL_TIME.exec(text);
	if (!match) throw new Error(`${shown} is not a date (use YYYY-MM-DD or YYYY-MM-DDTHH:mm:ss)`);
	const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = ''] = match;
	const wallAsUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
	if (Number.isNaN(wallAsUtc)) throw new Error(`${shown} is not a date`);
	const instant = wallTimeToInstant({ year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s }, timeZone);
	return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${formatOffset(Math.round((wallAsUtc - instant) / 60000))}`;
}
