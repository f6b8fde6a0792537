import { checkHeaderName, checkHeaderValue } from './headers';
import { checkJsonObject } from './json';
import { checkNumber } from './numbers';
import type { NumberRules } from './numbers';
import { checkRequiredText, checkText, quote } from './text';
import type { TextRules } from './text';
import { checkHttpUrl } from './urls';
import { zodCheck } from './validation';
import { z } from '../vendor/zod';

/**
 * Rules that several platforms' request schemas state the same way, each the schema form of a
 * shared check (the same check a parameter reader uses), so a rule is written once.
 */

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

/** A string field the user left empty counts as "not set", the way n8n's editor stores it. */
export function emptyToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value;
}
