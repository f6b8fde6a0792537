import type { INodeProperties } from 'n8n-workflow';

import { countryField } from '../../shared/parameters/phoneFields';

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

export const campaignIdField: INodeProperties = {
	displayName: 'Campaign ID',
	name: 'campaignId',
	type: 'number',
	required: true,
	default: 0,
	typeOptions: { minValue: 1, numberPrecision: 0 },
	description: "The campaign's number, as shown in the OSVI dashboard (a whole number above 0)",
};

export const defaultCountryField = countryField('IN');
