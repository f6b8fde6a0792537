import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { BoundedMemory } from '../execution/boundedMemory';
import { executionScope } from '../execution/ledger';
import { checkPhoneNumber, isKnownCountry } from '../parameters/phone';
import type { NormalisedPhone } from '../parameters/phone';
import { readNumber } from '../parameters/numbers';
import { describeValue } from '../parameters/text';
import { invalidFieldError } from '../parameters/validation';

/**
 * What an AI Agent may do with a call-placing operation it uses as a tool: the model chooses the
 * arguments ($fromAI), so the node checks them. A refusal is an output item the model reads
 * ("not allowed: …"), never an error: on n8n 1.x a tool's error stops the AI Agent v3's whole
 * workflow, and on 2.x the model would see the error's message only.
 */
export interface ToolGuardrails {
	/** ISO codes of the countries whose numbers may be called. */
	allowedCountries: string[];
	/** Calls this node may place per execution. */
	maxCalls: number;
	/** E.164 numbers the workflow provided; undefined when the tool is not limited to them. */
	workflowNumbers?: string[];
}

/**
 * Whether the node runs as an AI Agent tool. n8n names a node wired as a tool after its type plus
 * "Tool" (osvi → osviTool) on 1.x and 2.x, whichever way the agent runs it. `isToolExecution()`
 * does not exist on 1.x and, on 2.x, is true only for agents before v3: it is a second signal.
 */
export function isToolRun(context: IExecuteFunctions): boolean {
	const toolExecution = (context as { isToolExecution?: () => boolean }).isToolExecution;
	return context.getNode().type.endsWith('Tool') || (typeof toolExecution === 'function' && toolExecution.call(context) === true);
}

/** The guardrails' fields, shown only when the node is a tool (`@tool`), for the operations that place calls. */
export function toolGuardrailsProperty(operations: string[]): INodeProperties {
	return {
		displayName: 'AI Agent Guardrails',
		name: 'toolGuardrails',
		type: 'collection',
		placeholder: 'Add Guardrail',
		default: {},
		displayOptions: { show: { operation: operations, '@tool': [true] } },
		description:
			'Checks made when an AI Agent uses this node as a tool, on even when none is added here: only the node\'s country, one call per execution. A refused call is not placed; the agent reads why ("not allowed: …").',
		options: [
			{
				displayName: 'Allowed Country Names or IDs',
				name: 'allowedCountries',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCountries' },
				default: [],
				description:
					'Countries whose numbers the agent may call. None chosen: only the country set in the node. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Max Calls per Execution',
				name: 'maxCalls',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1000, numberPrecision: 0 },
				default: 1,
				description: 'How many calls this node may place in one execution of the workflow, whatever the agent asks',
			},
			{
				displayName: 'Numbers From the Workflow',
				name: 'workflowNumbers',
				type: 'string',
				default: '',
				placeholder: "{{ $('CRM').item.json.phone }}",
				description:
					"With Only Numbers From the Workflow: the numbers the agent may call, mapped from an earlier node (comma-separated, or a list). Empty: the phone numbers in the fields of the item the tool receives, except those the model fills in ($fromAI); an AI Agent before v3 passes the tool the model's arguments only, so map them here.",
			},
			{
				displayName: 'Only Numbers From the Workflow',
				name: 'onlyWorkflowNumbers',
				type: 'boolean',
				default: false,
				description:
					'Whether to refuse a number the workflow did not provide (e.g. one the model made up): the number to call must be one of Numbers From the Workflow',
			},
		],
	};
}

// Also inside JSON text, where the quotes are escaped (\").
const FROM_AI = /\$fromAI\s*\(\s*\\?['"`]([A-Za-z0-9_-]{1,64})\\?['"`]/g;

/** The argument names the model fills in for this node ($fromAI('name', …) in its parameters). */
function modelArguments(parameters: unknown): Set<string> {
	return new Set([...JSON.stringify(parameters ?? {}).matchAll(FROM_AI)].map((match) => match[1]));
}

/** Every value of an item (fields of fields too, a few levels deep) that may be a phone number. */
function valuesOf(value: unknown, depth = 0): unknown[] {
	if (typeof value === 'string' || typeof value === 'number') return [value];
	if (!value || typeof value !== 'object' || depth > 3) return [];
	return (Array.isArray(value) ? value : Object.values(value)).flatMap((entry) => valuesOf(entry, depth + 1));
}

function phoneNumbersIn(values: unknown[], country: unknown): string[] {
	return values.flatMap((value) => {
		const checked = checkPhoneNumber(value, country);
		return checked.phone ? [checked.phone.e164] : [];
	});
}

/** The numbers the workflow provided: the mapped ones, else those of the input item the model did not fill in. */
function readWorkflowNumbers(context: IExecuteFunctions, itemIndex: number, settings: IDataObject, country: unknown): string[] {
	const mapped = settings.workflowNumbers;
	if (Array.isArray(mapped) || typeof mapped === 'number' || (typeof mapped === 'string' && mapped.trim() !== '')) {
		const values = Array.isArray(mapped) ? mapped : typeof mapped === 'number' ? [mapped] : mapped.split(/[,;\n]/);
		const numbers = phoneNumbersIn(values.map((value) => (typeof value === 'string' ? value.trim() : value)), country);
		if (numbers.length === 0) {
			throw invalidFieldError(context.getNode(), itemIndex, 'AI Agent Guardrails › Numbers From the Workflow', `holds no phone number: ${describeValue(mapped)}`);
		}
		return numbers;
	}
	const fromModel = modelArguments(context.getNode().parameters);
	fromModel.add('toolCallId');
	const json = context.getInputData()[itemIndex]?.json ?? {};
	const provided = Object.entries(json).filter(([key]) => !fromModel.has(key));
	return phoneNumbersIn(valuesOf(Object.fromEntries(provided)), country);
}

function readAllowedCountries(context: IExecuteFunctions, itemIndex: number, settings: IDataObject): string[] {
	const node = context.getNode();
	const label = 'AI Agent Guardrails › Allowed Countries';
	// An expression may give the codes as text: "IN, GB".
	const chosen = typeof settings.allowedCountries === 'string' ? settings.allowedCountries.split(',').map((code) => code.trim()).filter(Boolean) : settings.allowedCountries;
	if (Array.isArray(chosen) && chosen.length > 0) {
		const unknown = chosen.find((code) => typeof code !== 'string' || !/^[A-Za-z]{2}$/.test(code) || !isKnownCountry(code));
		if (unknown !== undefined) throw invalidFieldError(node, itemIndex, label, `${describeValue(unknown)} is not a known country code`);
		return chosen.map((code) => String(code).toUpperCase());
	}
	if (chosen !== undefined && !Array.isArray(chosen)) throw invalidFieldError(node, itemIndex, label, `must be a list of country codes, not ${describeValue(chosen)}`);
	if (modelArguments(node.parameters.country).size > 0) {
		throw invalidFieldError(node, itemIndex, label, 'must be chosen: the model fills in the node\'s country ($fromAI), so it cannot say which countries may be called');
	}
	const country = context.getNodeParameter('country', itemIndex, '');
	if (typeof country !== 'string' || !isKnownCountry(country.trim()) || country.trim().length !== 2) {
		throw invalidFieldError(node, itemIndex, label, 'must be chosen: the node has no country to default to');
	}
	return [country.trim().toUpperCase()];
}

/** The guardrails of one item when the node runs as a tool; undefined otherwise. */
export function readToolGuardrails(context: IExecuteFunctions, itemIndex: number): ToolGuardrails | undefined {
	if (!isToolRun(context)) return undefined;
	const node = context.getNode();
	// The limits are the workflow's, not the model's.
	if (modelArguments(node.parameters.toolGuardrails).size > 0) {
		throw invalidFieldError(node, itemIndex, 'AI Agent Guardrails', 'cannot be filled in by the model ($fromAI): set them in the node');
	}
	const settings = context.getNodeParameter('toolGuardrails', itemIndex, {}) as IDataObject;
	const label = 'AI Agent Guardrails › Max Calls per Execution';
	const country = context.getNodeParameter('country', itemIndex, '');
	return {
		allowedCountries: readAllowedCountries(context, itemIndex, settings),
		maxCalls: readNumber(context, itemIndex, 'toolGuardrails.maxCalls', label, { min: 0, max: 1000, integer: true }, 1),
		workflowNumbers: settings.onlyWorkflowNumbers === true ? readWorkflowNumbers(context, itemIndex, settings, country) : undefined,
	};
}

let regionNames: Intl.DisplayNames | undefined;
function countryName(code: string): string {
	regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
	return `${regionNames.of(code) ?? code} (${code})`;
}

function notAllowed(phone: NormalisedPhone, rule: string, why: string): IDataObject {
	return { skipped: true, reason: 'not_allowed', rule, message: `not allowed: ${why}`, phone_number: phone.e164 };
}

// Calls placed per execution and node, in the memory of the process that runs the execution (as
// the ledger: every try and every tool call of one execution runs there).
const callsPlaced = new BoundedMemory<number>(24 * 60 * 60 * 1000, 100_000);
const callsPlacedWithoutExecution = new WeakMap<object, number>();

function placedSoFar(context: IExecuteFunctions): number {
	const scope = executionScope(context);
	return (scope === undefined ? callsPlacedWithoutExecution.get(context) : callsPlaced.get(scope)) ?? 0;
}

function setPlaced(context: IExecuteFunctions, count: number) {
	const scope = executionScope(context);
	if (scope === undefined) callsPlacedWithoutExecution.set(context, count);
	else callsPlaced.set(scope, count);
}

function overLimit(context: IExecuteFunctions, phone: NormalisedPhone, { maxCalls }: ToolGuardrails): IDataObject | undefined {
	const placed = placedSoFar(context);
	if (placed < maxCalls) return undefined;
	const calls = maxCalls === 1 ? 'call' : 'calls';
	return notAllowed(phone, 'max_calls_per_execution', `this tool may place at most ${maxCalls} ${calls} per workflow execution, and ${placed} ${placed === 1 ? 'was' : 'were'} placed already. No call was placed; do not try again.`);
}

/** Why the model's number may not be called (country, not provided by the workflow, limit reached), if it may not. */
export function guardrailRefusal(context: IExecuteFunctions, phone: NormalisedPhone, guardrails: ToolGuardrails): IDataObject | undefined {
	if (!guardrails.allowedCountries.includes(phone.country)) {
		const allowed = guardrails.allowedCountries.map(countryName).join(', ');
		return notAllowed(phone, 'allowed_countries', `${phone.e164} is a number in ${countryName(phone.country)}; this tool may only call numbers in ${allowed}. No call was placed.`);
	}
	if (guardrails.workflowNumbers && !guardrails.workflowNumbers.includes(phone.e164)) {
		return notAllowed(phone, 'only_workflow_numbers', `${phone.e164} is not one of the phone numbers the workflow provided; call only a number from the record you were given. No call was placed.`);
	}
	return overLimit(context, phone, guardrails);
}

/**
 * Counts a call against the limit just before it is placed (synchronously, so items running side
 * by side cannot both take the last one): a refusal when none is left, else `release` to give it
 * back if the request surely placed no call.
 */
export function takeCallSlot(context: IExecuteFunctions, phone: NormalisedPhone, guardrails: ToolGuardrails): { refused?: IDataObject; release(): void } {
	const refused = overLimit(context, phone, guardrails);
	if (refused) return { refused, release: () => {} };
	setPlaced(context, placedSoFar(context) + 1);
	return { release: () => setPlaced(context, Math.max(0, placedSoFar(context) - 1)) };
}

/**
 * For an operation that puts numbers up for calling outside `placeCall` (a campaign upload): why
 * the item's number may not be put up, if it may not; otherwise it counts against the limit.
 */
export function toolRefusal(context: IExecuteFunctions, itemIndex: number, phone: NormalisedPhone): IDataObject | undefined {
	const guardrails = readToolGuardrails(context, itemIndex);
	if (!guardrails) return undefined;
	return guardrailRefusal(context, phone, guardrails) ?? takeCallSlot(context, phone, guardrails).refused;
}
