import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidFieldError } from '../../../shared/validation';

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customerId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+919876543210',
	description: 'Your stable ID for the customer, e.g. their phone number or CRM ID',
};

export const sessionIdField: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	required: true,
	default: '',
	description: 'The chat session, as returned by Create Session or Send Message',
};

/** Reads a required text parameter; blank is refused before any request. */
export function readRequiredText(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (value === '') throw invalidFieldError(context.getNode(), itemIndex, label, 'is empty');
	return value;
}
