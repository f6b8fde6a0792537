import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NormalisedPhone } from '../parameters/phone';
import { describeValue, quote } from '../parameters/text';
import { invalidFieldError, readChoice } from '../parameters/validation';
import { firstInstantFromWallTime, isoInZone, isTimeZone, localTime } from '../parameters/zonedTime';
import { timeZonesOfNumber } from './timeZones';

/** Local hours in which a call may be placed: minute ranges [start, end) on some weekdays. */
export interface CallingWindow {
	/** How the output names it: "TCPA 08:00–21:00", "09:00–12:30, 14:00–20:00, Mon–Fri". */
	label: string;
	/** Minutes after local midnight, start included, end excluded (24:00 = 1440). */
	ranges: Array<{ start: number; end: number }>;
	/** ISO weekdays (1 = Monday … 7 = Sunday), in the callee's local time. */
	days: number[];
}

export interface CallingHours {
	window: CallingWindow;
	/** The callee's IANA zone mapped from the CRM: it wins over the zones of the number. */
	timeZone?: string;
}

const PRESETS = [
	{ name: 'Off', value: 'off' },
	{ name: 'TRAI (India): 09:00–21:00', value: 'trai' },
	{ name: 'TCPA (US): 08:00–21:00', value: 'tcpa' },
	{ name: 'Custom', value: 'custom' },
] as const;

export const PRESET_WINDOWS: Record<string, { label: string; ranges: CallingWindow['ranges'] }> = {
	trai: { label: 'TRAI 09:00–21:00', ranges: [{ start: 9 * 60, end: 21 * 60 }] },
	tcpa: { label: 'TCPA 08:00–21:00', ranges: [{ start: 8 * 60, end: 21 * 60 }] },
};

const DAYS = [
	{ name: 'Monday', value: 'mon' },
	{ name: 'Tuesday', value: 'tue' },
	{ name: 'Wednesday', value: 'wed' },
	{ name: 'Thursday', value: 'thu' },
	{ name: 'Friday', value: 'fri' },
	{ name: 'Saturday', value: 'sat' },
	{ name: 'Sunday', value: 'sun' },
];
const EVERY_DAY = DAYS.map((day) => day.value);

/** The Calling Rules options of Calling Hours (listed alphabetically, as n8n shows collection options). */
export const callingHoursOptions: INodeProperties[] = [
	{
		displayName: 'Callee Time Zone',
		name: 'calleeTimeZone',
		type: 'string',
		default: '',
		placeholder: 'America/New_York',
		description:
			"The callee's IANA time zone (e.g. America/New_York), mapped from a field of your CRM. When set, Calling Hours go by it instead of the zones the number gives. Empty: from the number.",
	},
	{
		displayName: 'Calling Days',
		name: 'callingDays',
		type: 'multiOptions',
		options: DAYS,
		default: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
		description: "Weekdays on which Calling Hours allow calls, in the callee's local time (needs Calling Hours set)",
	},
	{
		displayName: 'Calling Hours',
		name: 'callingHours',
		type: 'options',
		options: [...PRESETS],
		default: 'off',
		description:
			'Call only inside these hours in the callee\'s local time; otherwise the item is not called and comes out as skipped with reason "outside_calling_hours", its local_time and next_allowed_at. The zone is Callee Time Zone when mapped, else the number\'s (Google\'s phone-number time-zone data). A number that may ring in several zones is called only when all of them are inside the hours; a toll-free or non-geographic number may ring anywhere in its country (+1 800: 42 zones, Guam to Newfoundland), so it is called only in the hours all of them share, if any: map Callee Time Zone for such numbers.',
	},
	{
		displayName: 'Custom Hours',
		name: 'customHours',
		type: 'string',
		default: '09:00-20:00',
		placeholder: '09:00-12:30, 14:00-20:00',
		description: 'With Calling Hours → Custom: local time ranges, comma-separated, each start before its end (24:00 ends a day)',
	},
];

const RANGE = /^(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})$/;

function minutes(hours: string, mins: string): number | undefined {
	const value = Number(hours) * 60 + Number(mins);
	return Number(mins) < 60 && value <= 24 * 60 ? value : undefined;
}

const clock = (value: number) => `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;

/** "09:00-12:30, 14:00-20:00" as minute ranges, or why it is not. */
export function parseHours(text: unknown): { ranges: CallingWindow['ranges'] } | { problem: string } {
	if (typeof text !== 'string' || text.trim() === '') return { problem: `must be time ranges such as 09:00-20:00, not ${describeValue(text)}` };
	const ranges: CallingWindow['ranges'] = [];
	for (const part of text.split(',')) {
		const match = RANGE.exec(part.trim());
		const start = match ? minutes(match[1], match[2]) : undefined;
		const end = match ? minutes(match[3], match[4]) : undefined;
		if (start === undefined || end === undefined) return { problem: `${quote(part.trim())} is not a time range such as 09:00-20:00` };
		if (start >= end) return { problem: `${quote(part.trim())} ends before it starts (a range cannot cross midnight: split it in two)` };
		ranges.push({ start, end });
	}
	return { ranges };
}

function daysLabel(days: number[]): string {
	if (days.length === 7) return '';
	const names = days.map((day) => DAYS[day - 1].name.slice(0, 3));
	return `, ${names.join(' ')}`;
}

/** Calling Hours of one item, from the Calling Rules collection's values; undefined when off. */
export function readCallingHours(context: IExecuteFunctions, itemIndex: number, rules: IDataObject): CallingHours | undefined {
	const node = context.getNode();
	const label = (field: string) => `Calling Rules › ${field}`;
	const preset = readChoice(context, itemIndex, 'callingRules.callingHours', label('Calling Hours'), PRESETS, 'off');
	const dayValues = rules.callingDays ?? EVERY_DAY;
	const days = Array.isArray(dayValues) ? dayValues.map((day) => EVERY_DAY.indexOf(String(day)) + 1) : [0];
	if (days.includes(0)) throw invalidFieldError(node, itemIndex, label('Calling Days'), `must be days of the week, not ${describeValue(dayValues)}`);
	if (preset === 'off') {
		if (days.length < 7) throw invalidFieldError(node, itemIndex, label('Calling Days'), 'needs Calling Hours: choose them (Custom 00:00-24:00 for whole days)');
		return undefined;
	}
	let window = PRESET_WINDOWS[preset];
	if (preset === 'custom') {
		const parsed = parseHours(rules.customHours ?? '09:00-20:00');
		if ('problem' in parsed) throw invalidFieldError(node, itemIndex, label('Custom Hours'), parsed.problem);
		window = { label: parsed.ranges.map(({ start, end }) => `${clock(start)}–${clock(end)}`).join(', '), ranges: parsed.ranges };
	}
	const sortedDays = [...new Set(days)].sort((a, b) => a - b);
	const zone = rules.calleeTimeZone ?? '';
	if (typeof zone !== 'string') throw invalidFieldError(node, itemIndex, label('Callee Time Zone'), `must be an IANA time zone, not ${describeValue(zone)}`);
	if (zone.trim() !== '' && !isTimeZone(zone.trim())) {
		throw invalidFieldError(node, itemIndex, label('Callee Time Zone'), `${quote(zone)} is not an IANA time zone (e.g. America/New_York, Asia/Kolkata)`);
	}
	return {
		window: { label: `${window.label}${daysLabel(sortedDays)}`, ranges: window.ranges, days: sortedDays },
		timeZone: zone.trim() === '' ? undefined : zone.trim(),
	};
}

export function isInWindow(utcMillis: number, timeZone: string, window: CallingWindow): boolean {
	const local = localTime(utcMillis, timeZone);
	const minute = local.hour * 60 + local.minute;
	return window.days.includes(local.weekday) && window.ranges.some(({ start, end }) => minute >= start && minute < end);
}

/** Days ahead searched for the next allowed time: a week, and a day for zones on either side of the date line. */
const DAYS_AHEAD = 8;

/** Where a number may ring and in which hours it may be called there. */
export interface CallingConstraint {
	zones: readonly string[];
	window: CallingWindow;
}

/** What tells constraints apart: two with the same zones and window are the same constraint. */
export function constraintKey({ zones, window }: CallingConstraint): string {
	return `${window.label}|${window.ranges.map(({ start, end }) => `${start}-${end}`).join(',')}|${window.days.join('')}|${zones.join(',')}`;
}

function allInside(instant: number, constraints: readonly CallingConstraint[]): boolean {
	return constraints.every(({ zones, window }) => zones.every((zone) => isInWindow(instant, zone, window)));
}

/** Range starts of `window` in `zone` after `now`, over the days searched. */
function rangeStarts(now: number, zone: string, window: CallingWindow): number[] {
	const starts: number[] = [];
	const today = localTime(now, zone);
	for (let ahead = 0; ahead <= DAYS_AHEAD; ahead++) {
		const date = new Date(Date.UTC(today.year, today.month - 1, today.day + ahead));
		for (const { start } of window.ranges) {
			const wall = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(start / 60), minute: start % 60 };
			const instant = firstInstantFromWallTime(wall, zone);
			if (instant > now) starts.push(instant);
		}
	}
	return starts;
}

/**
 * The earliest instant from `now` at which every constraint is met (each of its zones inside its
 * window), or null when none is within a week. Such an instant is a range start in one of the
 * zones, so only those are tried.
 */
export function nextAllowedForAll(now: number, constraints: readonly CallingConstraint[]): number | null {
	if (allInside(now, constraints)) return now;
	const candidates = constraints.flatMap(({ zones, window }) => zones.flatMap((zone) => rangeStarts(now, zone, window)));
	candidates.sort((a, b) => a - b);
	return candidates.find((instant) => allInside(instant, constraints)) ?? null;
}

/** The earliest instant from `now` at which every zone is inside the window, or null when none is within a week. */
export function nextAllowedAt(now: number, zones: readonly string[], window: CallingWindow): number | null {
	return nextAllowedForAll(now, [{ zones, window }]);
}

/** The zones Calling Hours go by for a number: the mapped one, else every zone the number may ring in. */
export function callingZones(phone: NormalisedPhone, hours: CallingHours): readonly string[] {
	return hours.timeZone ? [hours.timeZone] : timeZonesOfNumber(phone);
}

// The next allowed time is the same all through a minute (windows start on whole minutes), and a
// batch checks many numbers of the same zones within one: it is worked out once per minute, zones
// and window. Only the current minute's answers are kept.
let nextAllowedCache = { minute: Number.NaN, answers: new Map<string, number | null>() };

function nextAllowedThisMinute(now: number, zones: readonly string[], window: CallingWindow): number | null {
	const minute = Math.floor(now / 60000);
	if (nextAllowedCache.minute !== minute) nextAllowedCache = { minute, answers: new Map() };
	const key = constraintKey({ zones, window });
	if (!nextAllowedCache.answers.has(key)) nextAllowedCache.answers.set(key, nextAllowedAt(minute * 60000, zones, window));
	return nextAllowedCache.answers.get(key) ?? null;
}

/**
 * Whether a number may be called now under Calling Hours: undefined when it may, else the skipped
 * item's fields. The zones are the mapped one, else all the number may ring in (every one must be
 * inside the window).
 */
export function outsideCallingHours(phone: NormalisedPhone, hours: CallingHours, now: number): IDataObject | undefined {
	const zones = callingZones(phone, hours);
	const outside = zones.find((zone) => !isInWindow(now, zone, hours.window));
	if (zones.length > 0 && outside === undefined) return undefined;
	const shownZone = outside ?? 'UTC';
	const next = zones.length > 0 ? nextAllowedThisMinute(now, zones, hours.window) : null;
	const why =
		zones.length === 0
			? 'the time zone of this number is unknown'
			: `no time in the next week is inside the calling hours in all ${zones.length} time zones this number may ring in (a toll-free or non-geographic number)`;
	return {
		skipped: true,
		reason: 'outside_calling_hours',
		local_time: isoInZone(now, shownZone),
		time_zone: shownZone,
		time_zones: [...zones],
		calling_hours: hours.window.label,
		next_allowed_at: next === null ? null : isoInZone(next, shownZone),
		...(next === null ? { message: `Not called: ${why}. Map the callee's time zone to Calling Rules › Callee Time Zone to call it.` } : {}),
		phone_number: phone.e164,
	};
}
