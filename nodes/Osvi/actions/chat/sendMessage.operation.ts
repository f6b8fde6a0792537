import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { readOptionalTextId } from '../../../shared/parameters/ids';
import { readRequiredText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { agentLocator } from '../common.descriptions';
import { OSVI_LIMITS, readAgentId, readCustomerId } from '../common.parameters';
import { customerIdField } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['sendMessage'] } }, [
	agentLocator,
	customerIdField,
	{
		displayName: 'Message',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		description: "The customer's message (at most 10,000 characters); the output holds the agent's reply",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Session ID',
				name: 'sessionId',
				type: 'string',
				default: '',
				description: "Leave empty to continue the customer's active session, or start one",
			},
		],
	},
]);

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = {
		agent_uuid: readAgentId(this, itemIndex),
		customer_id: readCustomerId(this, itemIndex),
		content: readRequiredText(this, itemIndex, 'content', 'Message', { maxLength: OSVI_LIMITS.message }),
	};
	const sessionId = readOptionalTextId(this, itemIndex, 'options.sessionId', 'Options › Session ID');
	if (sessionId !== undefined) body.session_id = sessionId;
	return body;
}

export async function execute(this: IExecuteFunctions, item: Item, body: IDataObject): Promise<INodeExecutionData[]> {
	return toItems(await osvi.data(this, 'POST', '/v1/chat/inbound', { body, item, notFoundHint: NOT_FOUND.agentOrSession }));
}
