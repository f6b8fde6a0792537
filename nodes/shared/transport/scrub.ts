/**
 * Removes secrets (API tokens, webhook secrets) from text that came from outside: an API's error
 * body may echo the request's headers, a webhook body may echo the URL or headers it was sent to.
 * A secret is found in every form it is commonly echoed in: as it is (also after `Bearer `),
 * URL-encoded, form-encoded, JSON-escaped and base64-encoded.
 */

/** Shorter credential fields are not treated as secrets: replacing them would garble text and hide nothing. */
export const MIN_SECRET_LENGTH = 4;
const MASK = '***';

/** The forms `secret` may take in an echo, longest first (so no form is left half-replaced). */
export function secretForms(secret: string): string[] {
	if (secret === '') return [];
	const forms = new Set([
		secret,
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
		JSON.stringify(secret).slice(1, -1),
		Buffer.from(secret).toString('base64'),
		Buffer.from(secret).toString('base64url'),
	]);
	return [...forms].sort((a, b) => b.length - a.length);
}

/** Every form of every secret, once, longest first. */
function formsOf(secrets: string[]): string[] {
	return [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
}

function scrubWith(text: string, forms: string[]): string {
	return forms.reduce((result, form) => result.split(form).join(MASK), text);
}

export function scrubText(text: string, secrets: string[]): string {
	return scrubWith(text, formsOf(secrets));
}

/** A copy of `value` (any JSON) with every form of every secret masked, in keys and in strings. */
export function scrubValue<T>(value: T, secrets: string[]): T {
	const forms = formsOf(secrets);
	if (forms.length === 0) return value;
	const walk = (entry: unknown): unknown => {
		if (typeof entry === 'string') return scrubWith(entry, forms);
		if (Array.isArray(entry)) return entry.map(walk);
		if (entry && typeof entry === 'object') {
			return Object.fromEntries(Object.entries(entry).map(([key, inner]) => [scrubWith(key, forms), walk(inner)]));
		}
		return entry;
	};
	return walk(value) as T;
}

/** The values of a credential that are secrets: every text field except addresses (`baseUrl`) and short values. */
export function credentialSecrets(data: object | undefined): string[] {
	return Object.entries(data ?? {})
		.filter(([key, value]) => typeof value === 'string' && value.length >= MIN_SECRET_LENGTH && !/url$/i.test(key))
		.map(([, value]) => value as string);
}
