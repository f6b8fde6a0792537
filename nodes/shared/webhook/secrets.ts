import { createHash, createHmac, timingSafeEqual } from 'crypto';

import { scrubValue } from '../transport/scrub';

/**
 * Compares two secrets in constant time. Both sides are hashed first so that neither their
 * length nor their content can be learnt from how long the comparison takes. Never throws.
 */
export function secretsMatch(expected: string, actual: unknown): boolean {
	if (typeof actual !== 'string' || actual === '' || expected === '') return false;
	const a = createHash('sha256').update(expected).digest();
	const b = createHash('sha256').update(actual).digest();
	return timingSafeEqual(a, b);
}

/** Reads one header value case-insensitively (Node lower-cases incoming header names). */
export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** Request headers without the ones that carry a secret, for output. */
export function headersWithout(headers: Record<string, unknown>, secretNames: string[]): Record<string, unknown> {
	const hidden = new Set(secretNames.map((name) => name.toLowerCase()).concat(['authorization', 'cookie']));
	return Object.fromEntries(Object.entries(headers).filter(([name]) => !hidden.has(name.toLowerCase())));
}

/** A copy of `value` in which every occurrence of `secret` (in any echoed form) is replaced by `***`. */
export function redactSecret(value: unknown, secret: string): unknown {
	return scrubValue(value, [secret]);
}

/**
 * Whether `presented` is the hex HMAC-SHA256 of the raw body under `secret` (a `sha256=` prefix is
 * accepted). Compared in constant time; never throws.
 */
export function hmacSignatureMatches(secret: string, rawBody: Buffer | string, presented: unknown): boolean {
	if (secret === '' || typeof presented !== 'string') return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
	return secretsMatch(expected, presented.trim().replace(/^sha256=/i, '').toLowerCase());
}
