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
				description:
					'Push contacts into a campaign: all input items go in as few requests as possible (up to 10,000 contacts each)',
				action: 'Add campaign contacts',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get a campaign with its calls by status, its uploads and their queues',
				action: 'Get campaign status',
			},
		],
		default: 'addContacts',
	},
	...addContacts.description,
	...getStatus.description,
];
