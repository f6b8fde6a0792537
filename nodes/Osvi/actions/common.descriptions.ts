import type { INodeProperties } from 'n8n-workflow';

import { invalidFieldError } from '../../shared/validation';
import type { IExecuteFunctions } from 'n8n-workflow';

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
	const value = context.getNodeParameter('callId', itemIndex, '');
	const callId = String(value ?? '').trim();
	if (callId === '') throw invalidFieldError(context.getNode(), itemIndex, 'Call ID', 'is empty');
	return callId;
}
