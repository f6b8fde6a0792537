import { z } from '../vendor/zod';

/** Rules that several platforms' request schemas state the same way. */

export const httpUrl = z
	.string()
	.trim()
	.refine(
		(value) => {
			try {
				const url = new URL(value);
				return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
			} catch {
				return false;
			}
		},
		{ message: 'must be an http:// or https:// URL with a host' },
	);

export const jsonObject = z.record(z.unknown(), {
	invalid_type_error: 'must be a JSON object (an array or a single value is not accepted)',
});

/** A string field the user left empty counts as "not set", the way n8n's editor stores it. */
export function emptyToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value;
}
