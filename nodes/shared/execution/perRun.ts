// What a node reads once per run: kept per execution context (one node run) and dropped with it.
const valuesByContext = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * `load()` once per node run and key; later callers (other items, concurrent ones too) share the
 * same promise. A failed load is not kept, so the next item tries again.
 */
export async function oncePerRun<T>(context: object, key: string, load: () => Promise<T>): Promise<T> {
	let values = valuesByContext.get(context);
	if (!values) {
		values = new Map();
		valuesByContext.set(context, values);
	}
	let value = values.get(key) as Promise<T> | undefined;
	if (!value) {
		value = load();
		value.catch(() => values!.delete(key));
		values.set(key, value);
	}
	return await value;
}
