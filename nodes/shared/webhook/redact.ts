import { scrubValue } from '../transport/scrub';

/**
 * What a trigger outputs is cleaned of secrets, whatever the platform echoes back in it: OSVI
 * echoes the webhook URL (with `?token=`), VoiceOS the webhook entry with its headers, and any
 * platform may echo a token in a URL or a header object.
 */
export interface Redaction {
	/** Values that are secrets (the shared or signing secret, an API token): masked in every form. */
	secrets: string[];
	/** Header names that carry a secret (e.g. the configured secret header): their values are masked. */
	headerNames?: string[];
}

/** Keys whose values are credentials whatever they hold (header names as they are echoed). */
const CREDENTIAL_KEYS = ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'api-token', 'x-api-key', 'token', 'api_key', 'x-klen-signature'];
/** A secret in a URL's query: `?token=…` as the triggers take it, and the usual API key names. */
const SECRET_IN_URL = /([?&](?:token|api_key|apikey|api-key|access_token|secret)=)[^&#\s"'<>]+/gi;
const MASK = '***';

export function redactOutput<T>(value: T, { secrets, headerNames = [] }: Redaction): T {
	const keys = new Set([...CREDENTIAL_KEYS, ...headerNames.map((name) => name.toLowerCase())]);
	const walk = (entry: unknown, key?: string): unknown => {
		if (typeof entry === 'string') {
			if (key !== undefined && keys.has(key.toLowerCase()) && entry !== '') return MASK;
			return entry.replace(SECRET_IN_URL, `$1${MASK}`);
		}
		if (Array.isArray(entry)) return entry.map((inner) => walk(inner, key));
		if (entry && typeof entry === 'object') {
			return Object.fromEntries(Object.entries(entry).map(([name, inner]) => [name, walk(inner, name)]));
		}
		return entry;
	};
	return walk(scrubValue(value, secrets)) as T;
}
