/** Reads `a.b.c` from an item's JSON; a key that itself contains dots is found first. */
export function readPath(source: unknown, path: string): unknown {
	if (!source || typeof source !== 'object') return undefined;
	const record = source as Record<string, unknown>;
	if (path in record) return record[path];
	return path.split('.').reduce<unknown>(
		(value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
		source,
	);
}
