import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { osviData } from '../../transport';
import { agentLocator, readAgentId } from '../common.descriptions';
import { readRequiredText } from '../../../shared/validation';
import { customerIdField } from './shared';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, itemIndex);
	const customerId = readRequiredText(this, itemIndex, 'customerId', 'Customer ID');
	const content = readRequiredText(this, itemIndex, 'content', 'Message');
	const sessionId = String((this.getNodeParameter('options', itemIndex, {}) as IDataObject).sessionId ?? '').trim();
	const body: IDataObject = { agent_uuid: agentUuid, customer_id: customerId, content };
	if (sessionId !== '') body.session_id = sessionId;
	return toItems(await osviData(this, 'POST', '/v1/chat/inbound', { body, itemIndex }));
}
