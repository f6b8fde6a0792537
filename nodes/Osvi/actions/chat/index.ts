import type { INodeProperties } from 'n8n-workflow';

import * as createSession from './createSession.operation';
import * as getActiveSession from './getActiveSession.operation';
import * as injectContext from './injectContext.operation';
import * as sendMessage from './sendMessage.operation';
import * as supportCommand from './supportCommand.operation';

export { createSession, getActiveSession, injectContext, sendMessage, supportCommand };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Create Session',
				value: 'createSession',
				description: "Start a chat session for a customer (closes the customer's earlier active session with the agent)",
				action: 'Create a chat session',
			},
			{
				name: 'Get Active Session',
				value: 'getActiveSession',
				description: "Get the customer's active chat session",
				action: 'Get an active chat session',
			},
			{
				name: 'Inject Context',
				value: 'injectContext',
				description: 'Add information for the agent in the middle of a conversation',
				action: 'Inject context into a chat session',
			},
			{
				name: 'Send Message',
				value: 'sendMessage',
				description: "Send the customer's message and get the agent's reply; the session resolves itself",
				action: 'Send a chat message',
			},
			{
				name: 'Support Command',
				value: 'supportCommand',
				description: 'Human takeover: take over, tell, whisper, end, close, or send an operator message',
				action: 'Send a support command',
			},
		],
		default: 'sendMessage',
	},
	...createSession.description,
	...getActiveSession.description,
	...injectContext.description,
	...sendMessage.description,
	...supportCommand.description,
];
