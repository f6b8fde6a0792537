/**
 * A Map in the process's memory whose entries expire and whose size is capped (the oldest go
 * first), so that what nodes remember across tries of a run keeps memory flat in a long-running n8n.
 */
export class BoundedMemory<Value> {
	private readonly entries = new Map<string, { at: number; value: Value }>();

	constructor(
		readonly ttlMs: number,
		readonly maxEntries: number,
	) {}

	get(key: string, now = Date.now()): Value | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (now - entry.at >= this.ttlMs) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	/** Stores `value` as of `at` (default now); the entry becomes the newest. */
	set(key: string, value: Value, at = Date.now()) {
		this.entries.delete(key); // re-inserted at the end: the newest entry is the last to expire
		this.entries.set(key, { at, value });
		// A Map iterates in insertion order, so the oldest entries come first.
		for (const [oldKey, entry] of this.entries) {
			if (this.entries.size <= this.maxEntries && at - entry.at < this.ttlMs) break;
			this.entries.delete(oldKey);
		}
	}

	delete(key: string) {
		this.entries.delete(key);
	}

	get size(): number {
		return this.entries.size;
	}
}
