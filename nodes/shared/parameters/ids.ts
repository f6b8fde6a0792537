import type { IExecuteFunctions } from 'n8n-workflow';

import { checkRequiredText, describeValue, quote } from './text';
import { readParameter } from './validation';
import type { Checked } from './validation';

/** The longest ID accepted where an API documents none: IDs are UUIDs or shorter. */
export const MAX_ID_LENGTH = 128;

/** The largest whole number a JSON number carries exactly (2^53 − 1). */
const MAX_EXACT_JSON_NUMBER = BigInt(Number.MAX_SAFE_INTEGER);
/** The largest whole number a database ID column holds (signed 64 bits). */
const MAX_DATABASE_ID = BigInt('9223372036854775807');

/**
 * How an API takes a whole-number ID: as a JSON `number` in a body (exact only up to 2^53 − 1),
 * or as `text` in a URL path or query string (exact however long, up to a 64-bit ID).
 */
export type WholeNumberIdForm = 'number' | 'text';

/**
 * A whole-number ID (a database ID, a campaign number) kept exactly: a number that JavaScript
 * holds exactly, or text of digits. Negative, fractional, exponent forms (`1e21`) and, for a JSON
 * number, anything beyond 2^53 − 1 (`9007199254740993` would arrive as `…992`) are refused.
 */
export function checkWholeNumberId(value: unknown, form: 'number'): Checked<number>;
export function checkWholeNumberId(value: unknown, form: 'text'): Checked<string>;
export function checkWholeNumberId(value: unknown, form: WholeNumberIdForm): Checked<number | string> {
	let digits: string | undefined;
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value)) {
			const why = Number.isInteger(value) ? 'is too large to be read exactly: give it as text' : 'is not a whole number';
			return { problem: `${describeValue(value)} ${why}` };
		}
		digits = String(value);
	} else if (typeof value === 'string') {
		digits = value.trim();
	}
	if (digits === undefined) return { problem: `must be a whole number above 0, not ${describeValue(value)}` };
	if (digits === '') return { problem: 'is empty' };
	if (!/^[1-9]\d*$/.test(digits)) return { problem: `${quote(digits)} is not a whole number above 0 (digits only, no sign or leading 0)` };
	const id = BigInt(digits);
	const limit = form === 'number' ? MAX_EXACT_JSON_NUMBER : MAX_DATABASE_ID;
	if (id > limit) {
		return { problem: `${quote(digits)} is larger than ${limit.toLocaleString('en-US')}, the largest ID that can be sent exactly` };
	}
	return { value: form === 'number' ? Number(id) : digits };
}

/**
 * An opaque ID made of characters that `pattern` allows (default: anything but white space and
 * control characters), at most `MAX_ID_LENGTH` characters.
 */
export function checkTextId(
	value: unknown,
	{ pattern, shape, emptyProblem }: { pattern?: RegExp; shape?: string; emptyProblem?: string } = {},
): Checked<string> {
	const checked = checkRequiredText(value, { maxLength: MAX_ID_LENGTH, kind: 'token', emptyProblem });
	if (checked.problem !== undefined || !pattern || pattern.test(checked.value)) return checked;
	return { problem: `${quote(checked.value)} is not ${shape ?? 'a valid ID'}` };
}

type TextIdRules = Parameters<typeof checkTextId>[1];

/** An ID parameter (or a resource locator's value) of one item, checked by `checkTextId`. */
export function readTextId(context: IExecuteFunctions, itemIndex: number, name: string, label: string, rules?: TextIdRules): string {
	return readParameter(context, itemIndex, name, label, (value) => checkTextId(value, rules));
}

/** `readTextId` for an optional field (a filter, an option): `undefined` when blank. */
export function readOptionalTextId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	rules?: TextIdRules,
): string | undefined {
	const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
	return readParameter<string | undefined>(context, itemIndex, name, label, (value) => (blank(value) ? { value: undefined } : checkTextId(value, rules)));
}
