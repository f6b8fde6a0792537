import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidFieldError } from '../parameters/validation';
import { callingHoursOptions, readCallingHours } from './callingHours';
import type { CallingHours } from './callingHours';
import { readToolGuardrails } from './guardrails';
import type { ToolGuardrails } from './guardrails';

/**
 * "Calling Rules": the checks every call-placing operation of every platform offers before it
 * dials, the same way (calling hours, numbers called recently). The platform says in
 * `recentCallsNote` how far its call list can tell which numbers were called recently.
 * `readCallingRules` also reads the AI Agent guardrails (their own collection, for tool runs).
 */
export function callingRulesProperty(recentCallsNote: string): INodeProperties {
	return {
		displayName: 'Calling Rules',
		name: 'callingRules',
		type: 'collection',
		placeholder: 'Add Rule',
		default: {},
		description: 'Checks made before each call; an item that fails one is not called and comes out as skipped, with the reason',
		options: [
			...callingHoursOptions,
			{
				displayName: 'Skip Numbers Called Within (Hours)',
				name: 'skipCalledWithinHours',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 8760, numberPrecision: 2 },
				default: 0,
				description: `Do not call a number that was called within this many hours (0 = off): such items come out as skipped with reason "called_recently" and the earlier call's ID. Protects against a manual re-run, a CRM that fires twice and a replayed webhook. Numbers called earlier in the same run count too. ${recentCallsNote}`,
			},
		],
	};
}

export interface CallingRules {
	/** 0 = off. */
	skipCalledWithinHours: number;
	/** Undefined = off. */
	callingHours?: CallingHours;
	/** Only when the node runs as an AI Agent tool (see guardrails.ts). */
	guardrails?: ToolGuardrails;
}

export function readCallingRules(context: IExecuteFunctions, itemIndex: number): CallingRules {
	const rules = context.getNodeParameter('callingRules', itemIndex, {}) as IDataObject;
	const hours = Number(rules.skipCalledWithinHours ?? 0);
	if (!Number.isFinite(hours) || hours < 0 || hours > 8760) {
		throw invalidFieldError(context.getNode(), itemIndex, 'Calling Rules › Skip Numbers Called Within (Hours)', 'must be a number from 0 to 8760');
	}
	return {
		skipCalledWithinHours: hours,
		callingHours: readCallingHours(context, itemIndex, rules),
		guardrails: readToolGuardrails(context, itemIndex),
	};
}
