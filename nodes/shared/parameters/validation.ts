import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

// Types only: the zod bundle is loaded with the request schemas, on first use (see onFirstUse).
import type { z, ZodIssue, ZodTypeAny } from '../vendor/zod';
import { checkText, describeValue } from './text';
import type { TextRules } from './text';

/**
 * What a check of one value finds: the value as it will be sent, or why it cannot be. Every
 * check of user input (phone, text, ID, number, JSON, URL, header) answers in this shape, so the
 * same check serves a reader of a node parameter and a rule of a request schema.
 */
export type Checked<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

/**
 * Display names of the fields a schema checks, keyed by path with array positions written as `*`
 * (`data_extraction.*.description`), so an error names the field as the user sees it in the editor.
 * An empty name leaves a level out (a body object the editor does not show as a field).
 */
export type FieldLabels = Record<string, string>;

export function describeFieldPath(path: Array<string | number>, labels: FieldLabels): string {
	const parts: string[] = [];
	let pattern = '';
	for (const segment of path) {
		if (typeof segment === 'number') {
			pattern += '.*';
			parts.push(`#${segment + 1}`);
			continue;
		}
		pattern = pattern === '' ? segment : `${pattern}.${segment}`;
		parts.push(labels[pattern] ?? segment);
	}
	return parts.filter((part) => part !== '').join(' › ');
}

export const NOTHING_SENT = 'Nothing was sent to the API for this item. Correct the field and run again.';

/**
 * The one shape of every input error: the field as the editor names it, what is wrong, and the
 * item the way n8n's own messages name it (`[item 3]`: the index n8n shows as the item's index and
 * expressions read as `$itemIndex`, counted from 0).
 */
export function invalidFieldError(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid '${field}': ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: description ?? NOTHING_SENT,
	});
}

/** The checked value, or the error that names the item and the field. */
export function requireValid<T>(node: INode, itemIndex: number, field: string, checked: Checked<T>): T {
	if (checked.problem !== undefined) throw invalidFieldError(node, itemIndex, field, checked.problem);
	return checked.value as T;
}

function describeIssue(issue: ZodIssue, labels: FieldLabels): { field: string; problem: string } {
	return { field: describeFieldPath(issue.path, labels), problem: issue.message };
}

/**
 * Checks a request before it is sent. Returns the parsed value, or throws an error naming the
 * item and the (first) offending field; every other problem is listed in the description.
 */
export function validateItem<Schema extends ZodTypeAny>(
	node: INode,
	itemIndex: number,
	schema: Schema,
	value: unknown,
	labels: FieldLabels,
): z.infer<Schema> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const [first, ...rest] = result.error.issues.map((issue) => describeIssue(issue, labels));
	const more = rest.map(({ field, problem }) => `'${field}' ${problem}`);
	const description =
		more.length > 0 ? `Also wrong in this item: ${more.join('; ')}. ${NOTHING_SENT}` : undefined;
	throw invalidFieldError(node, itemIndex, first.field, first.problem, description);
}

/**
 * A parameter of one item (a resource locator's value for a locator) checked by `check`: the
 * checked value, or the error that names the item and `label`. Every reader of a kind of value
 * (text, ID, number, choice) is this with its check.
 */
export function readParameter<T>(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	check: (value: unknown) => Checked<T>,
	fallback: unknown = '',
): T {
	// A locator's value is extracted; n8n cannot look up a field inside a collection for that
	// ("Could not find property"), and no collection here holds a locator.
	const options = name.includes('.') ? undefined : { extractValue: true };
	const value = context.getNodeParameter(name, itemIndex, fallback, options);
	return requireValid(context.getNode(), itemIndex, label, check(value));
}

/** A text parameter (or a resource locator's value) checked by `rules`; see `checkText`. */
export function readText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	rules: TextRules,
): string | undefined {
	return readParameter(context, itemIndex, name, label, (value) => checkText(value, rules));
}

/** A required text parameter (or a resource locator's value): blank is refused before any request. */
export function readRequiredText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	rules: TextRules,
): string {
	return readText(context, itemIndex, name, label, { ...rules, required: true }) as string;
}

/**
 * One of an options field's values (an expression can give anything): the value, or the error
 * that lists the choices by the names the editor shows.
 */
export function checkChoice<T extends string | number | boolean>(
	value: unknown,
	choices: ReadonlyArray<{ name: string; value: T }>,
): Checked<T> {
	const choice = choices.find((candidate) => candidate.value === value);
	if (choice) return { value: choice.value };
	return { problem: `${describeValue(value)} is not one of ${choices.map(({ name }) => name).join(', ')}` };
}

/** An options parameter of one item, checked by `checkChoice`. */
export function readChoice<T extends string | number | boolean>(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
	choices: ReadonlyArray<{ name: string; value: T }>,
	fallback: T,
): T {
	return readParameter(context, itemIndex, name, label, (value) => checkChoice(value, choices), fallback);
}

/**
 * The options and multi-options fields of a collection (e.g. "Filters") that are set, each checked
 * against the choices the editor offers: `Filters › Status` names the field of a bad one.
 */
export function checkCollectionChoices(node: INode, itemIndex: number, collection: INodeProperties, values: IDataObject): void {
	for (const field of (collection.options ?? []) as INodeProperties[]) {
		const value = values[field.name];
		if (value === undefined || (field.type !== 'options' && field.type !== 'multiOptions') || !Array.isArray(field.options)) continue;
		const choices = field.options as INodePropertyOptions[];
		for (const entry of field.type === 'multiOptions' && Array.isArray(value) ? value : [value]) {
			requireValid(node, itemIndex, `${collection.displayName} › ${field.displayName}`, checkChoice(entry, choices));
		}
	}
}
