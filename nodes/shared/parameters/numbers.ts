import type { IExecuteFunctions } from 'n8n-workflow';

import { describeValue } from './text';
import { readParameter } from './validation';
import type { Checked } from './validation';

export interface NumberRules {
	min: number;
	max: number;
	/** Whole numbers only. */
	integer?: boolean;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

function format(value: number): string {
	return value.toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "a whole number from 1 to 3,600", as messages and field descriptions say it. */
export function describeRange({ min, max, integer }: NumberRules): string {
	return `${integer ? 'a whole number' : 'a number'} from ${format(min)} to ${format(max)}`;
}

/**
 * Reads a number field: a number, or text holding a plain decimal number (what an expression over
 * a spreadsheet row gives); within `rules`. Infinity, NaN (which JSON would send as null) and
 * anything out of range are refused.
 */
export function checkNumber(value: unknown, rules: NumberRules): Checked<number> {
	let number: number | undefined;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && DECIMAL.test(value.trim())) number = Number(value.trim());
	if (number === undefined || !Number.isFinite(number)) {
		return { problem: `must be ${describeRange(rules)}, not ${describeValue(value)}` };
	}
	if ((rules.integer && !Number.isInteger(number)) || number < rules.min || number > rules.max) {
		return { problem: `must be ${describeRange(rules)}, not ${describeValue(value)}` };
	}
	return { value: number };
}

/** `checkNumber` where not set (undefined, null, blank text) is allowed and answers `undefined`. */
export function checkOptionalNumber(value: unknown, rules: NumberRules): Checked<number | undefined> {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return { value: undefined };
	return checkNumber(value, rules);
}

/** A number parameter of one item, within `rules`; `fallback` when it is not set. */
export function readNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	rules: NumberRules,
	fallback: number,
): number {
	return readParameter(context, itemIndex, name, label, (value) => checkOptionalNumber(value, rules), fallback) ?? fallback;
}
