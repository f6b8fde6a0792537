import type { IExecuteFunctions } from 'n8n-workflow';

import { readNumber } from '../parameters/numbers';
import type { NumberRules } from '../parameters/numbers';
import { readChoice } from '../parameters/validation';
import { WAIT_MODES } from './description';
import type { WaitMode } from './description';

export interface WaitSettings {
	mode: WaitMode;
	/** How long the node waits for the calls, from when the last one was placed. */
	limitMinutes: number;
	pollIntervalSeconds: number;
	/** OSVI: add each finished call's conversation, turn by turn. */
	includeTranscript: boolean;
}

/** The ranges the settings accept (a little below the editor's minimums, for tests and expressions). */
export const WAIT_LIMITS = {
	durableMinutes: { min: 0.01, max: 43_200 },
	pollingMinutes: { min: 0.01, max: 1_440 },
	pollIntervalSeconds: { min: 0.01, max: 3_600 },
} satisfies Record<string, NumberRules>;

export const NO_WAIT: WaitSettings = { mode: 'none', limitMinutes: 0, pollIntervalSeconds: 0, includeTranscript: false };

/** How an operation reads settings of an older version of its fields (OSVI: "Wait for Completion"). */
export type LegacyWaitSettings = (context: IExecuteFunctions) => WaitSettings | undefined;

/**
 * The wait settings of this node run, read from the first item (one execution waits once for all
 * its calls). With "Don't Wait", settings of an older version of the fields may still ask to wait.
 */
export function readWaitSettings(context: IExecuteFunctions, legacy?: LegacyWaitSettings): WaitSettings {
	const mode = readChoice(context, 0, 'waitForResult', 'Wait for Result', WAIT_MODES, 'none');
	if (mode === 'none') return legacy?.(context) ?? NO_WAIT;
	const durable = mode === 'durable';
	const limitRules = durable ? WAIT_LIMITS.durableMinutes : WAIT_LIMITS.pollingMinutes;
	return {
		mode,
		limitMinutes: readNumber(context, 0, 'waitTimeLimit', 'Time Limit (Minutes)', limitRules, durable ? 60 : 15),
		pollIntervalSeconds: durable ? 0 : readNumber(context, 0, 'pollInterval', 'Poll Interval (Seconds)', WAIT_LIMITS.pollIntervalSeconds, 10),
		includeTranscript: context.getNodeParameter('includeTranscript', 0, false) === true,
	};
}
