import type { INodeProperties } from 'n8n-workflow';

export const dndPhoneField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phone',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+91 98765 43210',
	description: 'The number, in any usual format; it is normalised to E.164 before it is sent or compared',
};
