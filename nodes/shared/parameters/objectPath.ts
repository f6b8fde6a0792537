/** The item's own field `key` (never one inherited from Object.prototype, such as `toString`). */
function ownField(source: unknown, key: string): unknown {
	return source && typeof source === 'object' && Object.prototype.hasOwnProperty.call(source, key)
		? (source as Record<string, unknown>)[key]
		: undefined;
}

/** Reads `a.b.c` from an item's JSON; a key that itself contains dots is found first. */
export function readPath(source: unknown, path: string): unknown {
	const whole = ownField(source, path);
	if (whole !== undefined) return whole;
	return path.split('.').reduce<unknown>((value, key) => ownField(value, key), source);
}
