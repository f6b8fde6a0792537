import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Item, Operation } from '../execution/operation';
import { oncePerRun } from '../execution/perRun';
import { readNumber } from '../parameters/numbers';
import type { NumberRules } from '../parameters/numbers';
import { countryField, PHONE_INPUT_RULES, readPhoneParameter } from '../parameters/phoneFields';
import { invalidFieldError } from '../parameters/validation';
import { callingHoursOptions, callingZones, constraintKey, nextAllowedForAll, readCallingHours } from './callingHours';
import type { CallingConstraint } from './callingHours';
import { isToolRun } from './guardrails';
import { callingClock } from './clock';

// "Wait for Calling Hours": holds the items until the callee's calling hours allow a call, with
// n8n's durable wait, so that the call operation after it places the call then. It cannot be an
// option of the call operation itself: when a timed wait ends n8n runs no node code, it passes
// the waiting node's stored items on (see docs/waiting.md), so the node that waits cannot be the
// node that calls.

const HOLD_OPERATION = 'waitForCallingHours';

const MAX_HOLD_HOURS: NumberRules = { min: 0, max: 168 };

/**
 * Waits shorter than this are slept in the process, as n8n's Wait node does: n8n looks for
 * executions to resume once a minute, so a shorter durable wait could end up to a minute late.
 */
const IN_PROCESS_MS = 65_000;

/** The operation's fields; `defaultCountry` and the default hours are the platform's home market's. */
function holdDescription(defaultCountry: string, defaultHours: 'trai' | 'tcpa'): INodeProperties[] {
	const show = { show: { resource: ['call'], operation: [HOLD_OPERATION] } };
	return [
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: defaultCountry === 'IN' ? '+91 98765 43210' : '+1 415 555 2671',
			displayOptions: show,
			description: `The number the next node will call, as your CRM holds it: its time zones decide when the item may go on. ${PHONE_INPUT_RULES}.`,
		},
		{ ...countryField(defaultCountry), displayOptions: show },
		{
			displayName: 'Calling Rules',
			name: 'callingRules',
			type: 'collection',
			placeholder: 'Add Rule',
			default: { callingHours: defaultHours },
			displayOptions: show,
			description: 'The Calling Hours to wait for: use the same as in the call operation after this one',
			options: callingHoursOptions,
		},
		{
			displayName: 'Maximum Hold (Hours)',
			name: 'maxHoldHours',
			type: 'number',
			typeOptions: { minValue: MAX_HOLD_HOURS.min, maxValue: MAX_HOLD_HOURS.max, numberPrecision: 2 },
			default: 24,
			displayOptions: show,
			description:
				'The longest the items are held. An item whose hours open later than this (or never within a week, e.g. a toll-free number) is not waited for: it goes on with the others, and the call operation skips it as outside calling hours.',
		},
		{
			displayName:
				"The execution waits in n8n (status Waiting, nothing held in memory) and goes on when the hours open; the workflow must be saved. Items of several time zones are held until all of them are inside their hours; an item that shares no hours with the others is not waited for (the call operation skips it). To hold each item for its own hours, put this node in a Loop Over Items with a batch size of 1.",
			name: 'holdNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
	];
}

/** Where one item may ring and in which hours; throws an error naming the item and field at fault. */
function constraintOf(context: IExecuteFunctions, itemIndex: number): CallingConstraint {
	const phone = readPhoneParameter(context, itemIndex, 'phoneNumber', { phone: 'Phone Number', country: 'Default Country' });
	const rules = context.getNodeParameter('callingRules', itemIndex, {}) as IDataObject;
	const hours = readCallingHours(context, itemIndex, rules);
	if (!hours) throw invalidFieldError(context.getNode(), itemIndex, 'Calling Rules › Calling Hours', 'choose the hours to wait for');
	return { zones: callingZones(phone, hours), window: hours.window };
}

/**
 * The instant until which the items are held: the earliest at which every holdable item is inside
 * its hours. An item is holdable when its own hours open within the maximum; while the holdable
 * items share no such instant, the one whose hours open last goes on unheld.
 */
export function holdUntil(now: number, constraints: CallingConstraint[], maxHoldMs: number): number {
	// A batch holds many numbers of a few zones: each distinct constraint is searched once.
	const distinct = [...new Map(constraints.map((constraint) => [constraintKey(constraint), constraint])).values()];
	const own = distinct.map((constraint) => (constraint.zones.length > 0 ? nextAllowedForAll(now, [constraint]) : null));
	const holdable = distinct
		.map((constraint, index) => ({ constraint, opens: own[index] }))
		.filter((entry): entry is { constraint: CallingConstraint; opens: number } => entry.opens !== null && entry.opens - now <= maxHoldMs)
		.sort((a, b) => a.opens - b.opens);
	while (holdable.length > 0) {
		const until = nextAllowedForAll(now, holdable.map(({ constraint }) => constraint));
		if (until !== null && until - now <= maxHoldMs) return until;
		holdable.pop();
	}
	return now;
}

/** The constraints of this node run's items, by item, as `prepare` read them (an item it refused has none). */
async function constraintsOfRun(context: IExecuteFunctions): Promise<Map<number, CallingConstraint>> {
	return await oncePerRun(context, 'holdConstraints', async () => new Map<number, CallingConstraint>());
}

function readMaxHoldMs(context: IExecuteFunctions): number {
	return readNumber(context, 0, 'maxHoldHours', 'Maximum Hold (Hours)', MAX_HOLD_HOURS, 24) * 3_600_000;
}

/**
 * The operation: each item is checked (its number, its hours) and passed on unchanged; once every
 * item is through, the node waits until the hours allow the calls, in the process for a short
 * wait, else by putting the execution to wait in n8n until then. n8n then outputs the items stored
 * with the waiting node, so they are stored as the node outputs them (with their pairing).
 */
const holdSteps: Omit<Operation<CallingConstraint>, 'description'> = {
	async prepare(this: IExecuteFunctions, itemIndex: number) {
		const constraint = constraintOf(this, itemIndex);
		(await constraintsOfRun(this)).set(itemIndex, constraint);
		return constraint;
	},

	async execute(this: IExecuteFunctions, item: Item) {
		const { json, binary } = this.getInputData()[item.index];
		return [{ json: { ...json }, ...(binary ? { binary } : {}) }];
	},

	waiting: {
		async check(this: IExecuteFunctions) {
			if (isToolRun(this)) {
				throw new NodeOperationError(this.getNode(), 'Wait for Calling Hours cannot be used by an AI Agent: the agent needs its answer at once', {
					description: 'Use Calling Rules › Calling Hours on the call operation instead: a call outside the hours is skipped.',
				});
			}
			readMaxHoldMs(this);
		},

		async finish(this: IExecuteFunctions, output: INodeExecutionData[]) {
			// Error items (Continue On Fail) are not held for: `prepare` could not read their input.
			const constraints = [...(await constraintsOfRun(this)).values()];
			const now = callingClock.now();
			const until = holdUntil(now, constraints, readMaxHoldMs(this));
			if (until <= now) return output;
			if (until - now < IN_PROCESS_MS) {
				await sleep(until - now);
				return output;
			}
			this.getExecuteData().data.main[0] = output.map((entry) => ({ ...entry }));
			await this.putExecutionToWait(new Date(until));
			return output;
		},
	},
};

/** The operation for a platform whose home market is `defaultCountry` (its default hours: TRAI or TCPA). */
export function holdForCallingHours(defaultCountry: string, defaultHours: 'trai' | 'tcpa'): Operation<CallingConstraint> {
	return { ...holdSteps, description: holdDescription(defaultCountry, defaultHours) };
}
