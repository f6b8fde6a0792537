import type { INodeProperties } from 'n8n-workflow';

export const agentLocator: INodeProperties = {
	displayName: 'Agent',
	name: 'agent',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'A saved VoiceOS agent',
	modes: [
		{ displayName: 'From List', name: 'list', type: 'list', placeholder: 'Select an agent…', typeOptions: { searchListMethod: 'searchAgents', searchable: true } },
		{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'agt_…' },
	],
};

export const conversationIdField: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	required: true,
	default: '',
	description: "The call's conversation ID, as Create Phone Call returned it",
};

export const EVENTS = [
	'conversation:duration',
	'conversation:ended',
	'conversation:started',
	'function_call:triggered',
	'message:generated',
	'message:sent',
	'phone_call:accepted',
	'phone_call:connection_requested',
	'phone_call:rejected',
	'speech:ended',
	'speech:started',
].map((event) => ({ name: event, value: event }));

/** The created-at filters of VoiceOS lists: [parameter, query key, label]. */
export const CREATED_FILTERS = [
	['createdAfter', 'created_after', 'Created After'],
	['createdBefore', 'created_before', 'Created Before'],
] as const;

/** The same filters as editor fields of a "Filters" collection. */
export const createdFilterOptions: INodeProperties[] = CREATED_FILTERS.map(([name, , label]) => ({
	displayName: label,
	name,
	type: 'dateTime',
	default: '',
}));
