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

/** VoiceOS webhook events, by a readable name (the value is VoiceOS's own event name). */
export const EVENTS = [
	['Conversation Duration', 'conversation:duration'],
	['Conversation Ended', 'conversation:ended'],
	['Conversation Started', 'conversation:started'],
	['Function Call Triggered', 'function_call:triggered'],
	['Message Generated', 'message:generated'],
	['Message Sent', 'message:sent'],
	['Phone Call Accepted', 'phone_call:accepted'],
	['Phone Call Connection Requested', 'phone_call:connection_requested'],
	['Phone Call Rejected', 'phone_call:rejected'],
	['Speech Ended', 'speech:ended'],
	['Speech Started', 'speech:started'],
].map(([name, value]) => ({ name, value, description: `VoiceOS event ${value}` }));

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
