/**
 * n8n's date-time picker gives a wall-clock time without an offset (`2026-11-20T09:00:00`). An API
 * that reads offset-less times in its own zone would shift it, so the time is pinned to the
 * workflow's time zone and sent as a full ISO 8601 timestamp with its offset.
 */
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(\.\d+)?)?$/;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a date without a time (`2025-01-15`): a whole day. */
export function isBareDate(value: unknown): value is string {
	return typeof value === 'string' && BARE_DATE.test(value.trim());
}

function zoneOffsetMinutes(utcMillis: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMillis));
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(utcMillis / 1000) * 1000) / 60000);
}

function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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
	// Two passes settle the offset on either side of a daylight-saving change.
	let offset = zoneOffsetMinutes(wallAsUtc, timeZone);
	offset = zoneOffsetMinutes(wallAsUtc - offset * 60000, timeZone);
	return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${formatOffset(offset)}`;
}
