import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { objectInputProperties, readObjectInput } from '../../../shared/parameters/objectInput';
import { countryField, PHONE_INPUT_RULES, readPhoneParameter } from '../../../shared/parameters/phoneFields';
import { validateItem } from '../../../shared/parameters/validation';
import { unleashX } from '../../client';
import { agentLocator } from '../common.descriptions';
import { callBody, labels } from './makeCall.schema';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

const properties: INodeProperties[] = [
	agentLocator,
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+919876543210',
		description: `The number to call, in any usual format; it is sent with + and its country code. ${PHONE_INPUT_RULES}.`,
	},
	countryField('IN'),
	...objectInputProperties({
		name: 'metadata',
		displayName: 'Metadata',
		description: 'Context the agent can use during the call: customer details, order, reason, your tracking IDs',
		example: '{\n  "customer_name": "Asha",\n  "order_id": "A-1042"\n}',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['makeCall'] } }, properties);

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const agent = this.getNodeParameter('agent', itemIndex, '', { extractValue: true });
	const phone = readPhoneParameter(this, itemIndex, 'phoneNumber', { phone: 'Phone Number' });
	const body: IDataObject = { agent_id: agent, phone_number: phone.e164 };
	const metadata = readObjectInput(this, itemIndex, 'metadata', 'Metadata');
	if (metadata !== undefined) body.metadata = metadata;
	return validateItem(node, itemIndex, callBody, body, labels) as IDataObject;
}

export async function execute(this: IExecuteFunctions, item: Item, body: IDataObject): Promise<INodeExecutionData[]> {
	const answer = await unleashX.request<{ message?: string; data?: IDataObject }>(this, 'POST', '/agents/call', { body, item });
	return [{ json: { ...(answer.data ?? {}), message: answer.message ?? null } }];
}
