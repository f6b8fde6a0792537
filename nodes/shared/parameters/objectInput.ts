import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { pairsToObject, parseJsonParameter } from './json';
import { invalidFieldError } from './validation';

/** A list of key/value pairs (one object once read, see `readKeyValuePairs`). */
export function keyValuePairsProperty(input: {
	name: string;
	displayName: string;
	/** What one pair is called in the editor ("Add Value", "Add Field"). */
	entryName: string;
	description?: string;
}): INodeProperties {
	return {
		displayName: input.displayName,
		name: input.name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${input.entryName}`,
		default: {},
		...(input.description ? { description: input.description } : {}),
		options: [
			{
				displayName: input.entryName,
				name: 'values',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

/** The pairs of a `keyValuePairsProperty` as one object, or undefined when there are none. */
export function readKeyValuePairs(context: IExecuteFunctions, itemIndex: number, name: string): IDataObject | undefined {
	const pairs = context.getNodeParameter(`${name}.values`, itemIndex, []) as Array<{ key?: string; value?: unknown }>;
	return pairs.length > 0 ? (pairsToObject(pairs) as IDataObject) : undefined;
}

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
			...keyValuePairsProperty({ name: `${input.name}Pairs`, displayName: input.displayName, entryName: 'Value' }),
			displayOptions: { show: { [`${input.name}Mode`]: ['pairs'] } },
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
	if (mode === 'pairs') return readKeyValuePairs(context, itemIndex, `${name}Pairs`);
	if (mode === 'json') {
		const parsed = parseJsonParameter(context.getNodeParameter(`${name}Json`, itemIndex, ''));
		if (parsed.problem !== undefined) {
			throw invalidFieldError(context.getNode(), itemIndex, `${displayName} (JSON)`, parsed.problem);
		}
		return parsed.value;
	}
	return undefined;
}
