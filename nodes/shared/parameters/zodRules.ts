import { checkHeaderName, checkHeaderValue } from './headers';
import { checkJsonObject } from './json';
import { checkNumber } from './numbers';
import type { NumberRules } from './numbers';
import { checkRequiredText, checkText, quote } from './text';
import type { TextRules } from './text';
import { checkHttpUrl } from './urls';
import type { Checked } from './validation';
import { z } from '../vendor/zod';

/**
 * Rules that several platforms' request schemas state the same way, each the schema form of a
 * shared check (the same check a parameter reader uses), so a rule is written once. Only request
 * schemas import this file: it loads the zod bundle.
 */

/**
 * A check as a rule of a request schema: the value the check answers replaces the input, and its
 * problem becomes the schema's message for that field.
 */
export function zodCheck<T>(check: (value: unknown) => Checked<T>) {
	return z.unknown().transform((value, ctx): T => {
		const checked = check(value);
		if (checked.problem === undefined) return checked.value as T;
		ctx.addIssue({ code: z.ZodIssueCode.custom, message: checked.problem });
		return z.NEVER;
	});
}

export const httpUrl = zodCheck(checkHttpUrl);

export const jsonObject = zodCheck((value) => checkJsonObject(value));

/** Text within `rules` (see `checkText`); blank is "not set". */
export const text = (rules: TextRules) => zodCheck((value) => checkText(value, rules));

/** Text within `rules` that must be set. */
export const requiredText = (rules: TextRules) => zodCheck((value) => checkRequiredText(value, rules));

/** A number within `rules` (see `checkNumber`). */
export const number = (rules: NumberRules) => zodCheck((value) => checkNumber(value, rules));

/** HTTP headers: names that are HTTP tokens, values of one line (a value is never quoted: it may be a secret). */
export const headers = zodCheck((value) => checkJsonObject(value)).superRefine((record, ctx) => {
	for (const [name, headerValue] of Object.entries(record)) {
		const nameProblem = checkHeaderName(name).problem;
		const valueProblem = checkHeaderValue(headerValue).problem;
		const problem = nameProblem ?? (valueProblem && `the value of ${quote(name)} ${valueProblem}`);
		if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
	}
});
