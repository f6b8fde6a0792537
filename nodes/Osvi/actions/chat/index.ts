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
				description: "Start a chat session between an agent and a customer (by Customer ID), closing the customer's earlier active session with the agent. Returns the new session.",
				action: 'Create a chat session',
			},
			{
				name: 'Get Active Session',
				value: 'getActiveSession',
				description: "Get a customer's active chat session by Customer ID. Returns the session with active: true, or active: false when there is none.",
				action: 'Get an active chat session',
			},
			{
				name: 'Inject Context',
				value: 'injectContext',
				description: "Add context for the agent to an ongoing chat session (by Session ID), in the middle of the conversation. Returns the session's context.",
				action: 'Inject context into a chat session',
			},
			{
				name: 'Send Message',
				value: 'sendMessage',
				description: "Send a customer's message (by Customer ID) to an agent and get the agent's reply; the session is found or started by itself. Returns the reply and the session.",
				action: 'Send a chat message',
			},
			{
				name: 'Support Command',
				value: 'supportCommand',
				description: "Human takeover of a chat session (by Session ID): take over, tell or whisper the agent a message, send an operator message, end or close. Returns the command's result.",
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
