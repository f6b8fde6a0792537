import type { INodeProperties } from 'n8n-workflow';

import * as addContacts from './addContacts.operation';
import * as getStatus from './getStatus.operation';

export { addContacts, getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Add Contacts',
				value: 'addContacts',
				description: "Add contacts to a campaign (by Campaign ID) for an agent: each input item's phone number (Phone Field) and name, in as few requests as possible. Returns the upload's counts: received, accepted, duplicates removed and DND-skipped.",
				action: 'Add campaign contacts',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: "Get a campaign's progress by its Campaign ID. Returns its calls by status, its uploads and their queues.",
				action: 'Get campaign status',
			},
		],
		default: 'addContacts',
	},
	...addContacts.description,
	...getStatus.description,
];
