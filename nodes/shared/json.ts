/**
 * Reads a JSON parameter: the editor gives a string, an expression may give an object already.
 * Returns `undefined` for an empty value and throws a plain Error with a readable reason otherwise.
 */
export function parseJsonParameter(value: unknown): unknown {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		throw new Error(`is not valid JSON (${(error as Error).message})`);
	}
}

/** Key/value pairs from a fixedCollection, as one object; later keys win, empty keys are left out. */
export function pairsToObject(pairs: Array<{ key?: string; value?: unknown }> | undefined) {
	const result: Record<string, unknown> = {};
	for (const { key, value } of pairs ?? []) {
		if (key === undefined || key.trim() === '') continue;
		result[key.trim()] = value;
	}
	return result;
}
