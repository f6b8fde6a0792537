import type { IDataObject } from 'n8n-workflow';

import { checkText, describeValue, quote } from './text';
import type { Checked } from './validation';

/** The largest JSON object accepted where an API documents none (its JSON text, in characters). */
export const MAX_JSON_OBJECT_LENGTH = 100_000;
/** Nesting deeper than this is not data a call needs. */
const MAX_DEPTH = 20;
/** The longest key of a key/value pair. */
export const MAX_KEY_LENGTH = 200;

/**
 * Keys that JavaScript treats as an object's inner workings: copying them into an object changes
 * its prototype instead of adding a field, so they would vanish or turn into other fields.
 */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isReservedKey(key: string): boolean {
	return RESERVED_KEYS.has(key);
}

export function reservedKeyProblem(key: string): string {
	return `the key ${quote(key)} is not accepted (it is reserved in JavaScript and would be lost or misread)`;
}

/**
 * Reads a JSON parameter: the editor gives a string, an expression may give an object already.
 * An empty value reads as `undefined`; text that is not JSON gives a readable problem.
 */
export function parseJsonParameter(value: unknown): Checked<unknown> {
	if (value === undefined || value === null) return { value: undefined };
	if (typeof value !== 'string') return { value };
	if (value.trim() === '') return { value: undefined };
	try {
		return { value: JSON.parse(value) as unknown };
	} catch (error) {
		return { problem: `is not valid JSON (${(error as Error).message})` };
	}
}

/** The first reserved key anywhere in `value`, with its path, or a problem with the nesting. */
function findReservedKey(value: unknown, path: string, depth: number): string | undefined {
	if (!value || typeof value !== 'object') return undefined;
	if (depth > MAX_DEPTH) return `is nested more than ${MAX_DEPTH} levels deep`;
	const entries = Array.isArray(value) ? value.map((entry, index) => [String(index), entry] as const) : Object.entries(value);
	for (const [key, entry] of entries) {
		const at = path === '' ? key : `${path}.${key}`;
		if (!Array.isArray(value) && isReservedKey(key)) return `${reservedKeyProblem(key)}${path === '' ? '' : ` (at ${at})`}`;
		const found = findReservedKey(entry, at, depth + 1);
		if (found !== undefined) return found;
	}
	return undefined;
}

/**
 * A JSON object as an API takes one (additional data, variables, metadata): an object, not a list
 * or a single value; no reserved key at any depth; at most `maxLength` characters as JSON text.
 */
export function checkJsonObject(value: unknown, maxLength = MAX_JSON_OBJECT_LENGTH): Checked<IDataObject> {
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		return { problem: `must be a JSON object, not ${describeValue(value)}` };
	}
	const reserved = findReservedKey(value, '', 0);
	if (reserved !== undefined) return { problem: reserved };
	let text: string;
	try {
		text = JSON.stringify(value);
	} catch (error) {
		return { problem: `cannot be written as JSON (${(error as Error).message})` };
	}
	if (text.length > maxLength) {
		return { problem: `is ${text.length.toLocaleString('en-US')} characters long as JSON: at most ${maxLength.toLocaleString('en-US')} are accepted` };
	}
	return { value: value as IDataObject };
}

/** A key of a key/value pair: text (or a number) of one line; blank keys are left out (`undefined`). */
export function checkKey(value: unknown): Checked<string | undefined> {
	const checked = checkText(value, { maxLength: MAX_KEY_LENGTH, kind: 'line' });
	if (checked.problem !== undefined || checked.value === undefined || !isReservedKey(checked.value)) return checked;
	return { problem: reservedKeyProblem(checked.value) };
}

/** Where a pair's problem is: its position (from 1) and which half. */
export interface PairProblem {
	position: number;
	part: 'Key' | 'Value';
	problem: string;
}

/**
 * Key/value pairs from a fixedCollection, as one object; later keys win, blank keys are left out.
 * Keys must be text of one line and not reserved; values are any JSON value without reserved keys.
 */
export function pairsToObject(pairs: unknown): { value: IDataObject; problem?: undefined } | { value?: undefined; problem: PairProblem } {
	const result: IDataObject = {};
	const list = Array.isArray(pairs) ? pairs : [];
	for (const [index, pair] of list.entries()) {
		const { key, value } = (pair && typeof pair === 'object' ? pair : {}) as { key?: unknown; value?: unknown };
		const checkedKey = checkKey(key);
		if (checkedKey.problem !== undefined) return { problem: { position: index + 1, part: 'Key', problem: checkedKey.problem } };
		if (checkedKey.value === undefined) continue;
		const reserved = findReservedKey(value, '', 1);
		if (reserved !== undefined) return { problem: { position: index + 1, part: 'Value', problem: reserved } };
		result[checkedKey.value] = value as IDataObject[string];
	}
	return { value: result };
}
