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
				description: "Put a phone number on an agent's Do Not Disturb list; it applies at once, also to running campaigns. Returns the list entry.",
				action: 'Add a number to the DND list',
			},
			{
				name: 'Check',
				value: 'check',
				description: "Check whether a phone number is on an agent's Do Not Disturb list. Returns on_dnd_list (true or false) and the entry.",
				action: 'Check a number against the DND list',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: "List the numbers on an agent's Do Not Disturb list. Returns one item per number.",
				action: 'Get many DND numbers',
			},
			{
				name: 'Remove',
				value: 'remove',
				description: "Take a phone number off an agent's Do Not Disturb list. Returns removed: true and the number.",
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
