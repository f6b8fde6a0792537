import type { IExecuteFunctions } from 'n8n-workflow';

/** Whether a parameter's stored value holds an expression anywhere (then it may differ per item). */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * `read(itemIndex)` for each item, read once for all items when none of `parameters` (top-level
 * names) holds an expression: n8n resolves a parameter anew for every item, which costs more than
 * the rest of a small item, and without an expression the value is the same for every item. A read
 * that throws is not kept: each item then reads for itself, so that its error names its own item.
 */
export function sameForEveryItem<T>(
	context: IExecuteFunctions,
	parameters: string[],
	read: (itemIndex: number) => T,
): (itemIndex: number) => T {
	const stored = context.getNode().parameters;
	if (parameters.some((name) => holdsExpression(stored[name]))) return read;
	let shared: { value: T } | undefined;
	return (itemIndex) => (shared ??= { value: read(itemIndex) }).value;
}
