import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { ZodIssue, ZodTypeAny, z } from '../vendor/zod';

/**
 * Display names of the fields a schema checks, keyed by path with array positions written as `*`
 * (`data_extraction.*.description`), so an error names the field as the user sees it in the editor.
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
	return parts.join(' › ');
}

/** The one shape of every input error: it names the item and the field, and says what is wrong. */
export function invalidFieldError(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(node, `Invalid "${field}" in item ${itemIndex}: ${problem}`, {
		itemIndex,
		description:
			description ?? 'Nothing was sent to the API for this item. Correct the field and run again.',
	});
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
	const more = rest.map(({ field, problem }) => `"${field}": ${problem}`);
	const description =
		more.length > 0
			? `Also wrong in this item: ${more.join('; ')}. Nothing was sent to the API for this item.`
			: undefined;
	throw invalidFieldError(node, itemIndex, first.field, first.problem, description);
}

/** A required text parameter (or a resource locator's value), trimmed; blank is refused before any request. */
export function readRequiredText(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = String(context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (value === '') throw invalidFieldError(context.getNode(), itemIndex, label, 'is empty');
	return value;
}
