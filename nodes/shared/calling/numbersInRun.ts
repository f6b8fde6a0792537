import { BoundedMemory } from '../execution/boundedMemory';
import { executionScope } from '../execution/ledger';
import type { PastCall } from './pastCalls';

/**
 * The numbers this node called in this execution, so that two items with the same number are not
 * both called when "Skip Numbers Called Within" is on, even before the platform's call list shows
 * the first call. Claiming is synchronous: of two items with the same number, the later one waits
 * for the earlier one's outcome.
 */
interface Claim {
	itemIndex: number;
	call: Promise<PastCall | undefined>;
}

const claims = new BoundedMemory<Claim>(24 * 60 * 60 * 1000, 100_000);

export interface NumberClaim {
	/** A call to this number that another item of this run placed (or undefined: go ahead). */
	earlier?: PastCall;
	/** Tells later items with the same number what this item did: the call placed, or none. */
	settle(call: PastCall | undefined): void;
}

const unscoped: NumberClaim = { settle: () => {} };

export async function claimNumber(context: object, e164: string, itemIndex: number): Promise<NumberClaim> {
	const scope = executionScope(context);
	if (scope === undefined) return unscoped;
	const key = `${scope}\u0000${e164}`;
	for (;;) {
		const existing = claims.get(key);
		if (!existing || existing.itemIndex === itemIndex) break;
		const earlier = await existing.call;
		if (earlier) return { earlier, settle: () => {} };
		if (claims.get(key) === existing) break; // the earlier item called no one: this one may
	}
	let settle: (call: PastCall | undefined) => void = () => {};
	const call = new Promise<PastCall | undefined>((resolve) => (settle = resolve));
	claims.set(key, { itemIndex, call });
	return { settle };
}

/** The IDs of calls this node placed in this execution (to tell them apart from others'). */
export function placedInRun(context: object): Set<string> {
	return placed.get(executionScope(context) ?? '') ?? new Set();
}

const placed = new BoundedMemory<Set<string>>(24 * 60 * 60 * 1000, 10_000);

export function notePlaced(context: object, callId: string | null) {
	const scope = executionScope(context);
	if (scope === undefined || !callId) return;
	const ids = placed.get(scope) ?? new Set<string>();
	ids.add(callId);
	placed.set(scope, ids);
}
