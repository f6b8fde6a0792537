import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { checkPhoneNumber } from './phone';
import type { NormalisedPhone } from './phone';
import { invalidFieldError } from './validation';

/** What every phone field's description says about the input it takes (a sentence without its final period). */
export const PHONE_INPUT_RULES =
	'Only the number: other text around it, and an extension ("ext. 12"), are refused, since an agent cannot dial an extension';

/**
 * The country picker beside every phone number field: the country of numbers written without a
 * +country code. `default` is the platform's home market.
 */
export function countryField(
	defaultCountry: string,
	{ required = false, displayName = 'Default Country Name or ID', example = '' } = {},
): INodeProperties {
	return {
		displayName,
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		...(required ? { required } : {}),
		default: defaultCountry,
		// Ends with n8n's sentence for dynamic options, written out: n8n's package scan reads the literal
		// text of the template (and lints with inline configuration off).
		description: `Country of numbers written without a +country code${example}; kept for a number of another country that shares its calling code (GB for a +44 number that is also valid in Guernsey). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/**
 * A phone number and its country, normalised; a bad one throws an error that names the item and
 * the field at fault (the number, or the country).
 */
export function requirePhone(
	node: INode,
	itemIndex: number,
	value: unknown,
	country: unknown,
	labels: { phone: string; country?: string },
): NormalisedPhone {
	const checked = checkPhoneNumber(value, country);
	if (checked.problem === undefined) return checked.phone;
	const field = checked.field === 'country' ? (labels.country ?? 'Default Country') : labels.phone;
	throw invalidFieldError(node, itemIndex, field, checked.problem);
}

/** Reads a phone parameter and the `country` parameter of one item, normalised. */
export function readPhoneParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	labels: { phone: string; country?: string },
): NormalisedPhone {
	const value = context.getNodeParameter(parameterName, itemIndex, '');
	return requirePhone(context.getNode(), itemIndex, value, context.getNodeParameter('country', itemIndex, ''), labels);
}
