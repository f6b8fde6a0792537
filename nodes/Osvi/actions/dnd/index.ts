import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as check from './check.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';

export { add, check, getMany, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dnd'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: "Put a number on the agent's Do Not Disturb list; it applies at once, also to running campaigns",
				action: 'Add a number to the DND list',
			},
			{
				name: 'Check',
				value: 'check',
				description: "Whether a number is on the agent's Do Not Disturb list",
				action: 'Check a number against the DND list',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "List the agent's Do Not Disturb numbers",
				action: 'Get many DND numbers',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: "Take a number off the agent's Do Not Disturb list",
				action: 'Remove a number from the DND list',
			},
		],
		default: 'add',
	},
	...add.description,
	...check.description,
	...getMany.description,
	...remove.description,
];
