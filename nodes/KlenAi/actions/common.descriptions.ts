import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidFieldError } from '../../shared/parameters/validation';

export const agentLocator: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Klen AI agent that calls. The list shows agents that can make calls (they have a phone number).',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select an agent…',
			typeOptions: { searchListMethod: 'searchCallAgents', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '42 or asst_…',
			hint: 'The database ID (a number) or the assistant ID',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'An agent ID is a number or an assistant ID (letters, digits, "_" and "-")' },
				},
			],
		},
	],
};

/** The agent as Klen wants it: the database ID as a number, or the assistant ID as a string. */
export function readAgentId(context: IExecuteFunctions, itemIndex: number): number | string {
	const value = String(context.getNodeParameter('agent', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (value === '') throw invalidFieldError(context.getNode(), itemIndex, 'Agent', 'is empty: pick an agent');
	if (!/^[A-Za-z0-9_-]+$/.test(value)) {
		throw invalidFieldError(context.getNode(), itemIndex, 'Agent', `"${value}" is not a Klen AI agent ID`);
	}
	return /^\d+$/.test(value) ? Number(value) : value;
}
