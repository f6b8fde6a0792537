import { toZonedIsoTimestamp } from '../../nodes/shared/parameters/dates';
import { joinUrl } from '../../nodes/shared/transport/http';
import { pairsToObject, parseJsonParameter } from '../../nodes/shared/parameters/json';
import { collectPages } from '../../nodes/shared/transport/paging';
import { osviErrorMessage } from '../../nodes/Osvi/client';

describe('osviErrorMessage reads both documented error envelopes', () => {
	test.each([
		[{ success: false, errors: ['phone_number is invalid', 'country_code is required'] }, 'phone_number is invalid; country_code is required'],
		[{ success: false, error: 'param is missing or the value is empty: phone', details: null }, 'param is missing or the value is empty: phone'],
		[{ success: false, message: 'Something else' }, 'Something else'],
		[{ success: false, errors: [] }, undefined],
		['Bad Gateway', 'Bad Gateway'],
		[undefined, undefined],
	])('%j → %j', (body, message) => {
		expect(osviErrorMessage(body)).toBe(message);
	});
});

describe('collectPages', () => {
	const pages = [[1, 2, 3], [4, 5, 6], [7]];
	const fetchPage = jest.fn(async (page: number) => ({ items: pages[page - 1] ?? [], hasMore: page < pages.length }));
	beforeEach(() => fetchPage.mockClear());

	test('returns every item of every page', async () => {
		expect(await collectPages(fetchPage)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(fetchPage).toHaveBeenCalledTimes(3);
	});

	test('stops asking once the limit is reached', async () => {
		expect(await collectPages(fetchPage, 4)).toEqual([1, 2, 3, 4]);
		expect(fetchPage).toHaveBeenCalledTimes(2);
	});

	test('an empty page ends the loop even when the server says there is more', async () => {
		const liar = jest.fn(async () => ({ items: [] as number[], hasMore: true }));
		expect(await collectPages(liar)).toEqual([]);
		expect(liar).toHaveBeenCalledTimes(1);
	});
});

describe('toZonedIsoTimestamp pins wall-clock times to the workflow time zone', () => {
	test.each([
		['2026-11-20T09:30:00', 'Asia/Kolkata', '2026-11-20T09:30:00+05:30'],
		['2026-11-20', 'Asia/Kolkata', '2026-11-20T00:00:00+05:30'],
		['2026-07-01T12:00:00', 'America/New_York', '2026-07-01T12:00:00-04:00'],
		['2026-01-01T12:00:00', 'America/New_York', '2026-01-01T12:00:00-05:00'],
		['2026-01-01T12:00:00', 'UTC', '2026-01-01T12:00:00+00:00'],
		['2026-11-20T09:30:00Z', 'Asia/Kolkata', '2026-11-20T09:30:00Z'],
		['2026-11-20T09:30:00+02:00', 'Asia/Kolkata', '2026-11-20T09:30:00+02:00'],
	])('%s in %s → %s', (value, zone, expected) => {
		expect(toZonedIsoTimestamp(value, zone)).toBe(expected);
	});

	test('refuses what is not a date', () => {
		expect(() => toZonedIsoTimestamp('yesterday', 'UTC')).toThrow('is not a date');
	});
});

test('joinUrl copes with trailing and leading slashes', () => {
	expect(joinUrl('https://api.osvi.ai/', '/v1/call')).toBe('https://api.osvi.ai/v1/call');
	expect(joinUrl('http://127.0.0.1:5/osvi', 'v1/calls')).toBe('http://127.0.0.1:5/osvi/v1/calls');
});

test('JSON and key/value parameters', () => {
	expect(parseJsonParameter('{"a":1}')).toEqual({ value: { a: 1 } });
	expect(parseJsonParameter({ a: 1 })).toEqual({ value: { a: 1 } });
	expect(parseJsonParameter('  ')).toEqual({ value: undefined });
	expect(parseJsonParameter('{a:1}').problem).toContain('is not valid JSON');
	expect(pairsToObject([{ key: ' a ', value: '1' }, { key: '', value: 'x' }, { key: 'b', value: 2 }])).toEqual({ value: { a: '1', b: 2 } });
});
