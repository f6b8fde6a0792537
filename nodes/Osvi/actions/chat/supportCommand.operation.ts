import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { readTextId } from '../../../shared/parameters/ids';
import { readChoice, readRequiredText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { OSVI_LIMITS } from '../common.parameters';
import { sessionIdField } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

/** Which commands carry a message. A plain operator message is only valid in support mode (after takeover). */
const NEEDS_MESSAGE = ['tell', 'whisper', 'message'];
const COMMANDS = [
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
];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['supportCommand'] } }, [
	sessionIdField,
	{
		displayName: 'Command',
		name: 'command',
		type: 'options',
		default: 'takeover',
		options: COMMANDS,
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		description: 'At most 10,000 characters',
		displayOptions: { show: { command: NEEDS_MESSAGE } },
	},
]);

interface SupportRequest {
	sessionId: string;
	body: IDataObject;
}

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): SupportRequest {
	const sessionId = readTextId(this, itemIndex, 'sessionId', 'Session ID');
	const command = readChoice(this, itemIndex, 'command', 'Command', COMMANDS, 'takeover');
	const body: IDataObject = {};
	if (NEEDS_MESSAGE.includes(command)) {
		body.message = readRequiredText(this, itemIndex, 'message', 'Message', { maxLength: OSVI_LIMITS.message });
	}
	if (command !== 'message') body.command = command;
	return { sessionId, body };
}

export async function execute(this: IExecuteFunctions, item: Item, { sessionId, body }: SupportRequest): Promise<INodeExecutionData[]> {
	return toItems(await osvi.data(this, 'POST', `/v1/chat/session/${encodeURIComponent(sessionId)}/support`, { body, item, notFoundHint: NOT_FOUND.session }));
}
