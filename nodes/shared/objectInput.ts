import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pairsToObject, parseJsonParameter } from './json';
import { invalidFieldError } from './validation';

/**
 * An object the user gives either as key/value pairs or as JSON (e.g. OSVI's Additional Data,
 * Klen's variables, UnleashX's metadata): the three editor fields, and reading them for an item.
 */
export function objectInputProperties(input: {
	name: string;
	displayName: string;
	description: string;
	example: string;
}): INodeProperties[] {
	return [
		{
			displayName: input.displayName,
			name: `${input.name}Mode`,
			type: 'options',
			default: 'none',
			description: input.description,
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'Key-Value Pairs', value: 'pairs' },
				{ name: 'JSON', value: 'json' },
			],
		},
		{
			displayName: input.displayName,
			name: `${input.name}Pairs`,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Value',
			default: {},
			displayOptions: { show: { [`${input.name}Mode`]: ['pairs'] } },
			options: [
				{
					displayName: 'Value',
					name: 'values',
					values: [
						{ displayName: 'Key', name: 'key', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		// The example differs per platform, so the default cannot be a literal here.
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing
		{
			displayName: `${input.displayName} (JSON)`,
			name: `${input.name}Json`,
			type: 'json',
			default: input.example,
			displayOptions: { show: { [`${input.name}Mode`]: ['json'] } },
			description: 'A JSON object; an array or a single value is not accepted',
		},
	];
}

/** The object for one item, or undefined when none is given; bad JSON names the item and the field. */
export function readObjectInput(context: IExecuteFunctions, itemIndex: number, name: string, displayName: string): unknown {
	const mode = context.getNodeParameter(`${name}Mode`, itemIndex, 'none') as string;
	if (mode === 'pairs') {
		const pairs = context.getNodeParameter(`${name}Pairs.values`, itemIndex, []) as Array<{ key?: string; value?: unknown }>;
		return pairs.length > 0 ? pairsToObject(pairs) : undefined;
	}
	if (mode === 'json') {
		const parsed = parseJsonParameter(context.getNodeParameter(`${name}Json`, itemIndex, ''));
		if (parsed.problem !== undefined) {
			throw invalidFieldError(context.getNode(), itemIndex, `${displayName} (JSON)`, parsed.problem);
		}
		return parsed.value;
	}
	return undefined;
}
