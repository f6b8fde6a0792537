import type { INodeProperties } from 'n8n-workflow';

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+919876543210',
	description: 'Your stable ID for the customer, e.g. their phone number or CRM ID. One line of at most 255 characters.',
};

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	description: 'The chat session, as returned by Create Session or Send Message',
};
