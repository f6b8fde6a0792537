import { sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import type { Item } from '../execution/operation';
import type { NormalisedPhone } from '../parameters/phone';
import { isUncertainOutcome } from '../transport/http';
import { outsideCallingHours } from './callingHours';
import { callingClock } from './clock';
import { guardrailRefusal, takeCallSlot } from './guardrails';
import { claimNumber, notePlaced, placedInRun } from './numbersInRun';
import type { FindCallsTo, PastCall } from './pastCalls';
import type { CallingRules } from './rules';

/** What a call-placing operation's prepare() reads from one item: the request, the number, the rules. */
export interface PreparedCall<Body = IDataObject> {
	body: Body;
	phone: NormalisedPhone;
	rules: CallingRules;
}

/** What a call-placing operation tells the shared flow about the call it is about to place. */
export interface CallPlan<Answer> {
	phone: NormalisedPhone;
	rules: CallingRules;
	/** An earlier try of this node placed this very call: no check is made again, the ledger answers. */
	carriedOutBefore: boolean;
	findCallsTo: FindCallsTo;
	/** Sends the request that places the call. */
	place(): Promise<Answer>;
	callIdOf(answer: Answer): string | null;
	/**
	 * After an answer that did not say whether the call was placed, the call was found in the
	 * platform's list: record it as the request's answer (so later tries return it) and return it.
	 */
	recordFound(found: PastCall): Promise<Answer>;
	/** A platform's own reason not to call (OSVI: the number is on the agent's DND list). */
	skipIf?: () => Promise<IDataObject | undefined>;
}

export type CallOutcome<Answer> =
	| { skipped: IDataObject; answer?: undefined }
	| { skipped?: undefined; answer: Answer; reconciled?: PastCall };

function calledRecently(phone: NormalisedPhone, call: PastCall): IDataObject {
	return {
		skipped: true,
		reason: 'called_recently',
		previous_call_id: call.call_id,
		previous_call_at: call.at,
		phone_number: phone.e164,
	};
}

/** Waits before each look at the call list after an unclear answer: the list may lag behind. */
const RECONCILE_WAITS_MS = [2_000, 4_000];
/** How far before the attempt a found call may be dated (the platform's clock is not ours). */
const CLOCK_SKEW_MS = 120_000;

/**
 * After a request that may or may not have placed the call (timeout, reset, 5xx): looks for the
 * call in the platform's list, never sending the request again. A call to the number made since
 * the attempt, not placed by another item of this run, is taken as this one.
 */
async function findPlacedCall<Answer>(context: IExecuteFunctions, item: Item, plan: CallPlan<Answer>, attemptedAt: number) {
	const since = new Date(attemptedAt - CLOCK_SKEW_MS);
	for (const wait of RECONCILE_WAITS_MS) {
		await sleep(wait);
		const others = placedInRun(context);
		const calls = await plan.findCallsTo(context, item, plan.phone, since).catch(() => []);
		const found = calls.find((call) => call.call_id !== null && !others.has(call.call_id));
		if (found) return found;
	}
	return undefined;
}

/**
 * The one way every platform places a call: the calling rules first (unless this is a later try of
 * a call already placed), then the request, and after an unclear answer a look at the call list
 * instead of a second request. Output: skipped (with the reason), or the answer.
 * The rules in order: the AI Agent guardrails (a tool run only), Calling Hours, the platform's own
 * (DND), numbers called recently; the cheap local checks come before those that ask the platform.
 */
export async function placeCall<Answer>(context: IExecuteFunctions, item: Item, plan: CallPlan<Answer>): Promise<CallOutcome<Answer>> {
	if (plan.carriedOutBefore) return { answer: await plan.place() };
	const { guardrails, callingHours } = plan.rules;
	const refusal = guardrails && guardrailRefusal(context, plan.phone, guardrails);
	if (refusal) return { skipped: refusal };
	const outside = callingHours && outsideCallingHours(plan.phone, callingHours, callingClock.now());
	if (outside) return { skipped: outside };
	const platformSkip = await plan.skipIf?.();
	if (platformSkip) return { skipped: platformSkip };

	const hours = plan.rules.skipCalledWithinHours;
	const claim = hours > 0 ? await claimNumber(context, plan.phone.e164, item.index) : undefined;
	if (claim?.earlier) return { skipped: calledRecently(plan.phone, claim.earlier) };
	if (hours > 0) {
		const [found] = await plan.findCallsTo(context, item, plan.phone, new Date(Date.now() - hours * 3_600_000));
		if (found) {
			claim?.settle(found);
			return { skipped: calledRecently(plan.phone, found) };
		}
	}

	// The last check before sending, with no wait in between: items side by side share the limit.
	const slot = guardrails && takeCallSlot(context, plan.phone, guardrails);
	if (slot?.refused) {
		claim?.settle(undefined);
		return { skipped: slot.refused };
	}
	const attemptedAt = Date.now();
	const outcome = await plan.place().then(
		(answer) => ({ answer, failure: undefined }),
		(failure: NodeApiError) => ({ answer: undefined, failure }),
	);
	if (outcome.failure === undefined) {
		const callId = plan.callIdOf(outcome.answer);
		notePlaced(context, callId);
		claim?.settle({ call_id: callId, at: new Date(attemptedAt).toISOString() });
		return { answer: outcome.answer };
	}
	// A request surely refused placed no call: it does not count against the AI Agent's limit.
	if (!isUncertainOutcome(outcome.failure)) slot?.release();
	const found = isUncertainOutcome(outcome.failure) ? await findPlacedCall(context, item, plan, attemptedAt) : undefined;
	if (!found) {
		// An unclear outcome may have been a call: later items with the number are not called either.
		claim?.settle(isUncertainOutcome(outcome.failure) ? { call_id: null, at: new Date(attemptedAt).toISOString() } : undefined);
		throw outcome.failure;
	}
	notePlaced(context, found.call_id);
	claim?.settle(found);
	return { answer: await plan.recordFound(found), reconciled: found };
}
