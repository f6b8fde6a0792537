import type { INodeProperties } from 'n8n-workflow';

import type { IExecuteFunctions } from 'n8n-workflow';

import { checkPhoneNumber } from '../../shared/phone';
import type { NormalisedPhone } from '../../shared/phone';
import { invalidFieldError, readRequiredText } from '../../shared/validation';

export const AGENT_ID_PATTERN = /^agent_[A-Za-z0-9_-]+$/;

/** The agent picker every OSVI operation shares: a searchable list of active agents, or an ID. */
export const agentLocator: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The OSVI agent to use. The list shows the active agents of the account.',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an agent…',
			typeOptions: { searchListMethod: 'searchAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: AGENT_ID_PATTERN.source,
						errorMessage: 'An OSVI agent ID starts with "agent_" followed by letters, digits, "_" or "-"',
					},
				},
			],
		},
	],
};

export const callIdField: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f1c2a9e-…',
	description:
		'The call\'s ID: the "call_id" that Initiate returned, or "call_log_id" from a post-call webhook',
};

/** Reads an agent locator parameter and checks the ID's documented shape before any request. */
export function readAgentId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'agent',
	label = 'Agent',
): string {
	const value = context.getNodeParameter(parameterName, itemIndex, '', { extractValue: true });
	const agentId = typeof value === 'string' ? value.trim() : '';
	if (agentId === '') throw invalidFieldError(context.getNode(), itemIndex, label, 'is empty: pick an agent');
	if (!AGENT_ID_PATTERN.test(agentId)) {
		throw invalidFieldError(
			context.getNode(),
			itemIndex,
			label,
			`"${agentId}" is not an OSVI agent ID (it starts with "agent_")`,
		);
	}
	return agentId;
}

/** Reads a call ID parameter; the ID goes into a URL path, so it is encoded. */
export function readCallId(context: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText(context, itemIndex, 'callId', 'Call ID');
}

export const campaignIdField: INodeProperties = {
	displayName: 'Campaign ID',
	name: 'campaignId',
	type: 'number',
	required: true,
	default: 0,
	description: "The campaign's number, as shown in the OSVI dashboard",
};

/** Reads the campaign ID: a whole number above 0 (it goes into the URL path). */
export function readCampaignId(context: IExecuteFunctions, itemIndex: number): number {
	const value = Number(context.getNodeParameter('campaignId', itemIndex, 0));
	if (!Number.isInteger(value) || value <= 0) {
		throw invalidFieldError(context.getNode(), itemIndex, 'Campaign ID', 'must be a whole number above 0');
	}
	return value;
}

export const defaultCountryField: INodeProperties = {
	displayName: 'Default Country Name or ID',
	name: 'country',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCountries' },
	default: 'IN',
	description:
		'Country of numbers written without a +country code. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** Reads a phone parameter and the default country, and normalises the number to E.164. */
export function readPhone(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'phone',
	label = 'Phone Number',
): NormalisedPhone {
	const country = context.getNodeParameter('country', itemIndex, '') as string;
	const checked = checkPhoneNumber(context.getNodeParameter(parameterName, itemIndex, ''), country);
	if (checked.problem !== undefined) {
		const field = checked.field === 'country' ? 'Default Country' : label;
		throw invalidFieldError(context.getNode(), itemIndex, field, checked.problem);
	}
	return checked.phone;
}
