// Calling Hours in the callee's local time: (number, time, window) → called or skipped, with the
// clock given to the check (never the real one). DST changes in the US (8 March 2026, 1 November
// 2026) and in Europe (29 March 2026, 25 October 2026) are in the table.
import { isInWindow, nextAllowedAt, outsideCallingHours, parseHours, PRESET_WINDOWS } from '../../nodes/shared/calling/callingHours';
import type { CallingWindow } from '../../nodes/shared/calling/callingHours';
import { timeZonesOfNumber } from '../../nodes/shared/calling/timeZones';
import { checkPhoneNumber } from '../../nodes/shared/parameters/phone';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const windows: Record<string, CallingWindow> = {
	TRAI: { ...PRESET_WINDOWS.trai, days: EVERY_DAY },
	TCPA: { ...PRESET_WINDOWS.tcpa, days: EVERY_DAY },
	'09-20': { label: '09:00–20:00', ranges: [{ start: 540, end: 1200 }], days: EVERY_DAY },
	'09-20 Mon-Fri': { label: '09:00–20:00, Mon Tue Wed Thu Fri', ranges: [{ start: 540, end: 1200 }], days: [1, 2, 3, 4, 5] },
	'split Mon-Fri': { label: 'split', ranges: [{ start: 540, end: 750 }, { start: 840, end: 1200 }], days: [1, 2, 3, 4, 5] },
};

function phoneOf(number: string, country: string) {
	const { phone, problem } = checkPhoneNumber(number, country);
	if (!phone) throw new Error(problem);
	return phone;
}

type Row = [string, string, string | undefined, string, keyof typeof windows, 'called' | { time_zone: string; local_time: string; next_allowed_at: string | null }];

// number, country, mapped IANA zone, now (UTC), window → called, or skipped with where and when next.
const table: Row[] = [
	// India (Asia/Calcutta, +05:30, no DST); the end of the window is excluded.
	['+91 98765 43210', 'IN', undefined, '2026-03-10T03:00:00Z', 'TRAI', { time_zone: 'Asia/Calcutta', local_time: '2026-03-10T08:30:00+05:30', next_allowed_at: '2026-03-10T09:00:00+05:30' }],
	['+91 98765 43210', 'IN', undefined, '2026-03-10T04:00:00Z', 'TRAI', 'called'],
	['+91 98765 43210', 'IN', undefined, '2026-03-10T15:29:00Z', 'TRAI', 'called'],
	['+91 98765 43210', 'IN', undefined, '2026-03-10T15:30:00Z', 'TRAI', { time_zone: 'Asia/Calcutta', local_time: '2026-03-10T21:00:00+05:30', next_allowed_at: '2026-03-11T09:00:00+05:30' }],
	// US, New York: the same UTC time before and after DST starts (8 March), and on the night of the change.
	['+1 212 555 0100', 'US', undefined, '2026-03-06T12:30:00Z', 'TCPA', { time_zone: 'America/New_York', local_time: '2026-03-06T07:30:00-05:00', next_allowed_at: '2026-03-06T08:00:00-05:00' }],
	['+1 212 555 0100', 'US', undefined, '2026-03-10T12:30:00Z', 'TCPA', 'called'],
	['+1 212 555 0100', 'US', undefined, '2026-03-08T06:30:00Z', 'TCPA', { time_zone: 'America/New_York', local_time: '2026-03-08T01:30:00-05:00', next_allowed_at: '2026-03-08T08:00:00-04:00' }],
	// …and when DST ends (1 November): 01:30 happens twice; 20:30 EST is inside, 21:00 is not.
	['+1 212 555 0100', 'US', undefined, '2026-11-01T05:30:00Z', 'TCPA', { time_zone: 'America/New_York', local_time: '2026-11-01T01:30:00-04:00', next_allowed_at: '2026-11-01T08:00:00-05:00' }],
	['+1 212 555 0100', 'US', undefined, '2026-11-02T01:30:00Z', 'TCPA', 'called'],
	// US, other zones: Los Angeles, Chicago, Denver, Phoenix (no DST), Honolulu (no DST).
	['+1 415 555 2671', 'US', undefined, '2026-03-10T14:30:00Z', 'TCPA', { time_zone: 'America/Los_Angeles', local_time: '2026-03-10T07:30:00-07:00', next_allowed_at: '2026-03-10T08:00:00-07:00' }],
	['+1 415 555 2671', 'US', undefined, '2026-03-10T15:30:00Z', 'TCPA', 'called'],
	['+1 312 555 0100', 'US', undefined, '2026-03-11T02:30:00Z', 'TCPA', { time_zone: 'America/Chicago', local_time: '2026-03-10T21:30:00-05:00', next_allowed_at: '2026-03-11T08:00:00-05:00' }],
	['+1 303 555 0100', 'US', undefined, '2026-03-10T14:30:00Z', 'TCPA', 'called'],
	['+1 602 555 0100', 'US', undefined, '2026-03-10T14:30:00Z', 'TCPA', { time_zone: 'America/Phoenix', local_time: '2026-03-10T07:30:00-07:00', next_allowed_at: '2026-03-10T08:00:00-07:00' }],
	['+1 808 555 0100', 'US', undefined, '2026-03-10T17:30:00Z', 'TCPA', { time_zone: 'Pacific/Honolulu', local_time: '2026-03-10T07:30:00-10:00', next_allowed_at: '2026-03-10T08:00:00-10:00' }],
	['+1 808 555 0100', 'US', undefined, '2026-03-10T18:30:00Z', 'TCPA', 'called'],
	// Alaska's area code rings in two zones: called only when both are inside.
	['+1 907 555 0100', 'US', undefined, '2026-03-10T16:30:00Z', 'TCPA', { time_zone: 'America/Adak', local_time: '2026-03-10T07:30:00-09:00', next_allowed_at: '2026-03-10T08:00:00-09:00' }],
	['+1 907 555 0100', 'US', undefined, '2026-03-10T17:30:00Z', 'TCPA', 'called'],
	// Toll-free: all 42 North American zones. Under TCPA they share 22:00–23:30 UTC; under 09–20, no hour at all.
	['+1 800 555 0199', 'US', undefined, '2026-03-10T18:00:00Z', 'TCPA', { time_zone: 'Pacific/Guam', local_time: '2026-03-11T04:00:00+10:00', next_allowed_at: '2026-03-11T08:00:00+10:00' }],
	['+1 800 555 0199', 'US', undefined, '2026-03-10T22:30:00Z', 'TCPA', 'called'],
	['+1 800 555 0199', 'US', undefined, '2026-03-10T22:30:00Z', '09-20', { time_zone: 'America/St_Johns', local_time: '2026-03-10T20:00:00-02:30', next_allowed_at: null }],
	// Great Britain: European DST starts 29 March; a weekend waits for Monday, across the change.
	['+44 20 7946 0958', 'GB', undefined, '2026-03-27T08:30:00Z', '09-20 Mon-Fri', { time_zone: 'Europe/London', local_time: '2026-03-27T08:30:00+00:00', next_allowed_at: '2026-03-27T09:00:00+00:00' }],
	['+44 20 7946 0958', 'GB', undefined, '2026-03-30T08:30:00Z', '09-20 Mon-Fri', 'called'],
	['+44 20 7946 0958', 'GB', undefined, '2026-03-28T12:00:00Z', '09-20 Mon-Fri', { time_zone: 'Europe/London', local_time: '2026-03-28T12:00:00+00:00', next_allowed_at: '2026-03-30T09:00:00+01:00' }],
	// …and DST ends 25 October: 19:30 UTC is 20:30 on the Friday before, 19:30 on the Monday after.
	['+44 20 7946 0958', 'GB', undefined, '2026-10-23T19:30:00Z', '09-20 Mon-Fri', { time_zone: 'Europe/London', local_time: '2026-10-23T20:30:00+01:00', next_allowed_at: '2026-10-26T09:00:00+00:00' }],
	['+44 20 7946 0958', 'GB', undefined, '2026-10-26T19:30:00Z', '09-20 Mon-Fri', 'called'],
	['+44 7911 123456', 'GB', undefined, '2026-03-30T12:00:00Z', 'split Mon-Fri', { time_zone: 'Europe/Guernsey', local_time: '2026-03-30T13:00:00+01:00', next_allowed_at: '2026-03-30T14:00:00+01:00' }],
	// Australia: Sydney (AEDT, +11), a mobile that may ring in all 8 Australian zones, Perth's area in two.
	['+61 2 9374 4000', 'AU', undefined, '2026-03-10T21:30:00Z', 'TRAI', { time_zone: 'Australia/Sydney', local_time: '2026-03-11T08:30:00+11:00', next_allowed_at: '2026-03-11T09:00:00+11:00' }],
	['+61 2 9374 4000', 'AU', undefined, '2026-03-10T22:30:00Z', 'TRAI', 'called'],
	['+61 412 345 678', 'AU', undefined, '2026-03-10T22:30:00Z', 'TCPA', { time_zone: 'Australia/Eucla', local_time: '2026-03-11T07:15:00+08:45', next_allowed_at: '2026-03-11T10:15:00+08:45' }],
	['+61 412 345 678', 'AU', undefined, '2026-03-11T02:00:00Z', 'TCPA', 'called'],
	['+61 8 9225 5000', 'AU', undefined, '2026-03-10T23:30:00Z', 'TCPA', { time_zone: 'Australia/Perth', local_time: '2026-03-11T07:30:00+08:00', next_allowed_at: '2026-03-11T08:00:00+08:00' }],
	// Brazil: São Paulo (−03:00) and Manaus (−04:00), by area code, mobiles included.
	['+55 11 91234 5678', 'BR', undefined, '2026-03-10T11:30:00Z', 'TRAI', { time_zone: 'America/Sao_Paulo', local_time: '2026-03-10T08:30:00-03:00', next_allowed_at: '2026-03-10T09:00:00-03:00' }],
	['+55 11 91234 5678', 'BR', undefined, '2026-03-10T12:30:00Z', 'TRAI', 'called'],
	['+55 92 3234 5678', 'BR', undefined, '2026-03-10T12:30:00Z', 'TRAI', { time_zone: 'America/Manaus', local_time: '2026-03-10T08:30:00-04:00', next_allowed_at: '2026-03-10T09:00:00-04:00' }],
	// Russia: a mobile may ring in any of 16 zones, which share 07:00–08:00 UTC under 09–20.
	['+7 914 123 4567', 'RU', undefined, '2026-03-10T12:00:00Z', '09-20', { time_zone: 'Asia/Anadyr', local_time: '2026-03-11T00:00:00+12:00', next_allowed_at: '2026-03-11T19:00:00+12:00' }],
	['+7 914 123 4567', 'RU', undefined, '2026-03-10T07:30:00Z', '09-20', 'called'],
	// A zone mapped from the CRM wins over the number's.
	['+1 800 555 0199', 'US', 'America/Chicago', '2026-03-10T18:00:00Z', '09-20', 'called'],
	['+91 98765 43210', 'IN', 'America/New_York', '2026-03-10T04:00:00Z', 'TRAI', { time_zone: 'America/New_York', local_time: '2026-03-10T00:00:00-04:00', next_allowed_at: '2026-03-10T09:00:00-04:00' }],
	['+1 212 555 0100', 'US', 'Asia/Kolkata', '2026-03-10T04:00:00Z', 'TRAI', 'called'],
];

describe('Calling Hours: (number, time, window) → called or skipped', () => {
	test.each(table)('%s (%s, zone %s) at %s, %s', (number, country, mapped, now, windowName, expected) => {
		const result = outsideCallingHours(phoneOf(number, country), { window: windows[windowName], timeZone: mapped }, Date.parse(now));
		if (expected === 'called') {
			expect(result).toBeUndefined();
			return;
		}
		expect(result).toMatchObject({ skipped: true, reason: 'outside_calling_hours', ...expected, calling_hours: windows[windowName].label });
		// next_allowed_at is an instant at which every zone of the number is inside the window.
		if (expected.next_allowed_at !== null) {
			const zones = mapped ? [mapped] : timeZonesOfNumber(phoneOf(number, country));
			expect(zones.every((zone) => isInWindow(Date.parse(expected.next_allowed_at as string), zone, windows[windowName]))).toBe(true);
		} else {
			expect(result?.message).toContain('Callee Time Zone');
		}
	});

	test('the table covers IN, US in several zones, GB, AU, BR and a mapped zone', () => {
		const countries = new Set(table.map(([, country]) => country));
		expect([...countries].sort()).toEqual(['AU', 'BR', 'GB', 'IN', 'RU', 'US']);
		const usZones = new Set(table.filter(([, country, mapped]) => country === 'US' && !mapped).flatMap(([number]) => timeZonesOfNumber(phoneOf(number, 'US'))));
		expect(usZones.size).toBeGreaterThan(6);
		expect(table.some(([, , mapped]) => mapped !== undefined)).toBe(true);
	});

	test('the skipped item lists every zone the number may ring in', () => {
		const result = outsideCallingHours(phoneOf('+1 907 555 0100', 'US'), { window: windows.TCPA }, Date.parse('2026-03-10T16:30:00Z'));
		expect(result?.time_zones).toEqual(['America/Adak', 'America/Anchorage']);
		expect(result?.phone_number).toBe('+19075550100');
	});

	test('a time skipped by the change to summer time opens the window an hour later', () => {
		const window: CallingWindow = { label: '02:30–04:00', ranges: [{ start: 150, end: 240 }], days: EVERY_DAY };
		// 2026-03-08 in New York has no 02:30: the first time inside is 03:00 EDT (07:00 UTC).
		expect(new Date(nextAllowedAt(Date.parse('2026-03-08T05:00:00Z'), ['America/New_York'], window)!).toISOString()).toBe('2026-03-08T07:00:00.000Z');
		// 2026-03-29 in London has no 01:30 either: the clocks go from 01:00 GMT to 02:00 BST (01:00 UTC).
		const london: CallingWindow = { label: '01:30–03:00', ranges: [{ start: 90, end: 180 }], days: EVERY_DAY };
		expect(new Date(nextAllowedAt(Date.parse('2026-03-28T23:00:00Z'), ['Europe/London'], london)!).toISOString()).toBe('2026-03-29T01:00:00.000Z');
	});
});

describe('parseHours: Custom Hours', () => {
	test.each([
		['09:00-20:00', [{ start: 540, end: 1200 }]],
		['9:00 – 12:30, 14:00-24:00', [{ start: 540, end: 750 }, { start: 840, end: 1440 }]],
	])('%s', (text, ranges) => {
		expect(parseHours(text)).toEqual({ ranges });
	});

	test.each([
		['22:00-06:00', 'ends before it starts'],
		['09:00-09:00', 'ends before it starts'],
		['9-17', 'is not a time range'],
		['09:60-10:00', 'is not a time range'],
		['09:00-24:30', 'is not a time range'],
		['', 'must be time ranges'],
	])('%s is refused', (text, problem) => {
		expect((parseHours(text) as { problem: string }).problem).toContain(problem);
	});
});
