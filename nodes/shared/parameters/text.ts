import type { Checked } from './validation';

/** The longest a value is quoted in a message: a 1 MB prompt must not come back in the error. */
const QUOTE_LENGTH = 60;

/** Characters (Unicode code points), as people and most APIs count them; `length` counts UTF-16 units. */
export function characterCount(text: string): number {
	// A surrogate pair is one character, as `for…of` counts it.
	const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
	return text.length - (pairs?.length ?? 0);
}

/**
 * A whole number with thousands separators, as `toLocaleString('en-US')` writes it, for text built
 * when a node file loads: the first `toLocaleString` costs ~12 ms of CPU (ICU's number formatting)
 * that n8n's start-up would pay for a field description.
 */
export function groupThousands(value: number): string {
	return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A string field the user left empty counts as "not set", the way n8n's editor stores it. */
export function emptyToUndefined(value: unknown): unknown {
	return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** A value as a message shows it: quoted, escaped (`"a\nb"`), shortened when long. */
export function quote(value: unknown): string {
	if (typeof value !== 'string') return describeValue(value);
	const characters = Array.from(value);
	const shown = characters.length > QUOTE_LENGTH ? `${characters.slice(0, QUOTE_LENGTH).join('')}…` : value;
	return JSON.stringify(shown);
}

/** What kind of value something is, for a message ("an object", "a list", "true"). */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'string') return quote(value);
	return String(value);
}

/**
 * A number as text, where a number stands for text naturally (an ID, a customer number, a
 * message "42"): only when its decimal form is exact, so 1e21 or 9007199254740993 (which a
 * JavaScript number cannot hold) are not turned into different text.
 */
export function exactNumberText(value: number): string | undefined {
	if (!Number.isFinite(value)) return undefined;
	if (Number.isInteger(value) && !Number.isSafeInteger(value)) return undefined;
	const text = String(value);
	return /e/i.test(text) ? undefined : text;
}

/**
 * - `text`: any text, line breaks and tabs included (prompts, messages);
 * - `line`: one line (names, reasons);
 * - `token`: no white space at all (IDs).
 * Other control characters are refused in all three.
 */
export type TextKind = 'text' | 'line' | 'token';

export interface TextRules {
	/** Longest accepted value, in characters (code points). */
	maxLength: number;
	kind?: TextKind;
	/** Blank is refused ("is empty") rather than read as not set. */
	required?: boolean;
	/** What a required field says when it is blank ("is empty: pick an agent"). */
	emptyProblem?: string;
}

/** C0 controls but tab, line feed and carriage return, and DEL: U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+007F. */
const CONTROL = /(?![\t\n\r\u0080-\u009F])\p{Cc}/u;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const WHITE_SPACE = /\s/;

/**
 * Reads a text field: a string, or a number where its decimal form is exact; never an object, a
 * list or true/false (no "[object Object]" or "a,b" is sent). Trimmed; blank is `undefined`
 * unless `required`. Limits are counted in characters, as documentation states them.
 */
export function checkText(value: unknown, rules: TextRules): Checked<string | undefined> {
	let text: string | undefined;
	if (typeof value === 'string') text = value.trim();
	else if (typeof value === 'number') text = exactNumberText(value);
	else if (value === undefined || value === null) text = '';
	if (text === undefined) {
		const kind = typeof value === 'number' ? `${value}, a number that cannot be written exactly` : describeValue(value);
		return { problem: `must be text, not ${kind}` };
	}
	if (text === '') {
		return rules.required ? { problem: rules.emptyProblem ?? 'is empty' } : { value: undefined };
	}
	const length = characterCount(text);
	if (length > rules.maxLength) {
		return { problem: `is ${length.toLocaleString('en-US')} characters long: at most ${rules.maxLength.toLocaleString('en-US')} are accepted` };
	}
	const kind = rules.kind ?? 'text';
	if (CONTROL.test(text)) return { problem: `${quote(text)} contains a control character` };
	if (kind === 'line' && LINE_BREAK.test(text)) return { problem: `${quote(text)} must be one line` };
	if (kind === 'token' && WHITE_SPACE.test(text)) return { problem: `${quote(text)} must not contain spaces or line breaks` };
	return { value: text };
}

/** `checkText` for a field that must be set. */
export function checkRequiredText(value: unknown, rules: TextRules): Checked<string> {
	return checkText(value, { ...rules, required: true }) as Checked<string>;
}
