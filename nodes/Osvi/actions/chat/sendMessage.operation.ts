import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { agentLocator } from '../common.descriptions';
import { readAgentId } from '../common.parameters';
import { readRequiredText } from '../../../shared/parameters/validation';
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
		description: "The customer's message; the output holds the agent's reply",
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

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, item.index);
	const customerId = readRequiredText(this, item.index, 'customerId', 'Customer ID');
	const content = readRequiredText(this, item.index, 'content', 'Message');
	const sessionId = String((this.getNodeParameter('options', item.index, {}) as IDataObject).sessionId ?? '').trim();
	const body: IDataObject = { agent_uuid: agentUuid, customer_id: customerId, content };
	if (sessionId !== '') body.session_id = sessionId;
	return toItems(await osvi.data(this, 'POST', '/v1/chat/inbound', { body, item }));
}
