/**
 * Wall-clock time in an IANA time zone with Intl alone (no date library): the zone's local date,
 * time and weekday at an instant, its UTC offset, and the instant of a local wall time.
 */
export interface LocalTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** ISO weekday: 1 = Monday … 7 = Sunday. */
	weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

// Building a formatter is the slow part (~50–100 µs); formatting with one is a few µs. Only valid
// zones are kept, so the cache holds at most the few hundred zones there are.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			weekday: 'short',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/**
 * Whether Intl knows the zone. Zone names are not compared as text: Asia/Kolkata and Asia/Calcutta
 * are the same zone, and Intl's list of zones holds only one of them.
 */
export function isTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

export function localTime(utcMillis: number, timeZone: string): LocalTime {
	const parts: Record<string, string> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(utcMillis))) parts[part.type] = part.value;
	return {
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute),
		second: Number(parts.second),
		weekday: WEEKDAYS[parts.weekday],
	};
}

/** The zone's offset from UTC at an instant, in minutes (+330 for India). */
export function offsetMinutes(utcMillis: number, timeZone: string): number {
	const local = localTime(utcMillis, timeZone);
	const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
	return Math.round((asUtc - Math.floor(utcMillis / 1000) * 1000) / 60000);
}

export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second?: number;
}

/**
 * The instant at which the zone's clocks show a wall time. Two passes settle the offset on either
 * side of a daylight-saving change (a time that happens twice gives the first pass's answer).
 */
export function wallTimeToInstant(wall: WallTime, timeZone: string): number {
	const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
	let offset = offsetMinutes(wallAsUtc, timeZone);
	offset = offsetMinutes(wallAsUtc - offset * 60000, timeZone);
	return wallAsUtc - offset * 60000;
}

/**
 * The first instant at which the zone's clocks show the wall time or a later one: the wall time
 * itself, or, for a time skipped by a change to summer time (02:30 on the night clocks jump from
 * 02:00 to 03:00), the instant of the change.
 */
export function firstInstantFromWallTime(wall: WallTime, timeZone: string): number {
	const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
	const instant = wallTimeToInstant(wall, timeZone);
	const shown = instant + offsetMinutes(instant, timeZone) * 60000;
	if (shown === wallAsUtc) return instant;
	// Skipped: the change lies between the instants the wall time would have with the offset
	// before it and with the one after it (changes are months apart). Found to the minute by halving.
	const before = offsetMinutes(instant - 86_400_000, timeZone);
	const after = offsetMinutes(instant + 86_400_000, timeZone);
	let low = wallAsUtc - Math.max(before, after) * 60000;
	let high = wallAsUtc - Math.min(before, after) * 60000;
	while (high - low > 60000) {
		const middle = low + Math.floor((high - low) / 120000) * 60000;
		if (offsetMinutes(middle, timeZone) === before) low = middle;
		else high = middle;
	}
	return high;
}

export function formatOffset(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as ISO 8601 in the zone's local time, with its offset: 2026-03-08T01:30:00-05:00. */
export function isoInZone(utcMillis: number, timeZone: string): string {
	const local = localTime(utcMillis, timeZone);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	const date = `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}`;
	const time = `${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}`;
	return `${date}T${time}${formatOffset(offsetMinutes(utcMillis, timeZone))}`;
}
