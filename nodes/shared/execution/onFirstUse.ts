/**
 * A value made the first time it is asked for, then kept. Request schemas are loaded this way
 * (`onFirstUse(() => require('./x.schema'))`): building them loads the zod bundle, ~10 ms of CPU
 * that n8n's start-up would otherwise pay for each node file, whether or not a call is ever placed.
 */
export function onFirstUse<T>(make: () => T): () => T {
	let made: { value: T } | undefined;
	return () => (made ??= { value: make() }).value;
}
