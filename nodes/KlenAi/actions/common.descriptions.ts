import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkTextId, checkWholeNumberId } from '../../shared/parameters/ids';
import { requireValid } from '../../shared/parameters/validation';
import type { Checked } from '../../shared/parameters/validation';

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
					properties: { regex: '^[A-Za-z0-9][A-Za-z0-9_-]*$', errorMessage: 'An agent ID is a number or an assistant ID (letters, digits, "_" and "-")' },
				},
			],
		},
	],
};

/** An assistant ID: letters, digits, `_` and `-`, starting with a letter or digit (`-11` is not one). */
const ASSISTANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * The agent as Klen wants it: the database ID as a JSON number (digits; refused when a JSON
 * number cannot carry it exactly, beyond 9007199254740991), or the assistant ID as a string.
 */
export function checkAgentId(value: unknown): Checked<number | string> {
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+\s*$/.test(value))) {
		return checkWholeNumberId(value, 'number');
	}
	return checkTextId(value, {
		pattern: ASSISTANT_ID,
		shape: 'a Klen AI agent ID (a database ID, or an assistant ID of letters, digits, "_" and "-")',
		emptyProblem: 'is empty: pick an agent',
	});
}

export function readAgentId(context: IExecuteFunctions, itemIndex: number): number | string {
	const value = context.getNodeParameter('agent', itemIndex, '', { extractValue: true });
	return requireValid(context.getNode(), itemIndex, 'Agent', checkAgentId(value));
}
