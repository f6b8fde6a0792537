import type { INodeProperties } from 'n8n-workflow';

/** The agent picker of the operations that place calls: active outbound voice agents, or an ID. */
export const agentLocator: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The voice agent that calls. The list shows active outbound voice agents of the workspace.',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchOutboundAgents', searchable: true } },
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '123',
			validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'An UnleashX agent ID is a number' } }],
		},
	],
};
