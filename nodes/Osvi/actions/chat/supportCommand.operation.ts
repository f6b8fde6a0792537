import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { invalidFieldError } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { readRequiredText } from '../../../shared/parameters/validation';
import { sessionIdField } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

/** Which commands carry a message. A plain operator message is only valid in support mode (after takeover). */
const NEEDS_MESSAGE = ['tell', 'whisper', 'message'];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['supportCommand'] } }, [
	sessionIdField,
	{
		displayName: 'Command',
		name: 'command',
		type: 'options',
		default: 'takeover',
		options: [
			{ name: 'Close', value: 'close', description: 'Close the session for good' },
			{ name: 'End Takeover', value: 'end', description: 'Hand the conversation back to the AI' },
			{
				name: 'Operator Message',
				value: 'message',
				description: 'A message from the human operator to the customer (only in support mode, after Takeover)',
			},
			{ name: 'Takeover', value: 'takeover', description: 'A human takes over: the session goes to support mode' },
			{ name: 'Tell', value: 'tell', description: 'Guidance to the AI, which answers the customer at once; the reply is returned' },
			{ name: 'Whisper', value: 'whisper', description: "Private guidance for the AI's next turn" },
		],
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		displayOptions: { show: { command: NEEDS_MESSAGE } },
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const sessionId = readRequiredText(this, item.index, 'sessionId', 'Session ID');
	const command = this.getNodeParameter('command', item.index, 'takeover') as string;
	const body: IDataObject = {};
	if (NEEDS_MESSAGE.includes(command)) body.message = readRequiredText(this, item.index, 'message', 'Message');
	if (command !== 'message') {
		if (!['takeover', 'tell', 'whisper', 'end', 'close'].includes(command)) {
			throw invalidFieldError(this.getNode(), item.index, 'Command', `"${command}" is not a support command`);
		}
		body.command = command;
	}
	return toItems(await osvi.data(this, 'POST', `/v1/chat/session/${encodeURIComponent(sessionId)}/support`, { body, item }));
}
