import { backoffDelayMs, DEFAULT_RETRY, isRetryable, parseRetryAfter, surelyNotActed } from '../../nodes/shared/transport/retry';

describe('which failures may be retried', () => {
	const status = (statusCode: number, unreadable = false) => ({ kind: 'status' as const, statusCode, unreadable });
	const network = (code: string) => ({ kind: 'network' as const, code });

	test.each([
		['GET', status(429), true],
		['GET', status(500), true],
		['GET', status(503), true],
		['GET', status(200, true), true],
		['GET', network('ECONNRESET'), true],
		['GET', network('ETIMEDOUT'), true],
		['GET', status(404), false],
		['GET', status(401), false],
		['POST', status(429), true],
		['POST', network('ECONNREFUSED'), true],
		['POST', network('ENOTFOUND'), true],
		['POST', status(500), false],
		['POST', status(503), false],
		['POST', status(200, true), false],
		['POST', network('ECONNRESET'), false],
		['POST', network('ETIMEDOUT'), false],
		['POST', network('ECONNABORTED'), false],
		['POST', status(422), false],
		['DELETE', status(502), false],
	])('%s after %j → %s', (method, outcome, expected) => {
		expect(isRetryable(method, outcome)).toBe(expected);
	});

	test('only 429 and a refused connection mean the server surely did not act', () => {
		expect(surelyNotActed(status(429))).toBe(true);
		expect(surelyNotActed(network('ECONNREFUSED'))).toBe(true);
		expect(surelyNotActed(status(503))).toBe(false);
		expect(surelyNotActed(network('ECONNRESET'))).toBe(false);
	});
});

describe('Retry-After', () => {
	test('delta-seconds', () => {
		expect(parseRetryAfter('3')).toBe(3000);
		expect(parseRetryAfter(['2'])).toBe(2000);
		expect(parseRetryAfter('0')).toBe(0);
	});

	test('an HTTP date', () => {
		const now = Date.parse('Fri, 20 Nov 2026 10:00:00 GMT');
		expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfter('Fri, 20 Nov 2026 09:59:00 GMT', now)).toBe(0);
	});

	test('absent or unreadable', () => {
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});

describe('back-off', () => {
	test('honours Retry-After as given', () => {
		expect(backoffDelayMs(1, 4000, DEFAULT_RETRY)).toBe(4000);
	});

	test('grows exponentially with jitter, and is capped', () => {
		const low = () => 0;
		const high = () => 0.999999;
		expect(backoffDelayMs(1, undefined, DEFAULT_RETRY, low)).toBe(250);
		expect(backoffDelayMs(1, undefined, DEFAULT_RETRY, high)).toBe(500);
		expect(backoffDelayMs(3, undefined, DEFAULT_RETRY, high)).toBe(2000);
		expect(backoffDelayMs(10, undefined, DEFAULT_RETRY, high)).toBe(DEFAULT_RETRY.maxDelayMs);
		const spread = new Set(Array.from({ length: 50 }, () => backoffDelayMs(2, undefined, DEFAULT_RETRY)));
		expect(spread.size).toBeGreaterThan(10);
	});
});
