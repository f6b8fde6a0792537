export type JsonParameter = { value: unknown; problem?: undefined } | { value?: undefined; problem: string };

/**
 * Reads a JSON parameter: the editor gives a string, an expression may give an object already.
 * An empty value reads as `undefined`; text that is not JSON gives a readable problem.
 */
export function parseJsonParameter(value: unknown): JsonParameter {
	if (value === undefined || value === null) return { value: undefined };
	if (typeof value !== 'string') return { value };
	if (value.trim() === '') return { value: undefined };
	try {
		return { value: JSON.parse(value) as unknown };
	} catch (error) {
		return { problem: `is not valid JSON (${(error as Error).message})` };
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
