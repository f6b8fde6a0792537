import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { objectInputProperties, readObjectInput } from '../../../shared/parameters/objectInput';
import { countryField, PHONE_INPUT_RULES, readPhoneParameter } from '../../../shared/parameters/phoneFields';
import { validateItem } from '../../../shared/parameters/validation';
import { klen } from '../../client';
import { initiateBody, labels } from './initiate.schema';
import { agentLocator, readAgentId } from '../common.descriptions';

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
		placeholder: '+15551234567',
		description: `The number to call, in any usual format; it is sent in E.164 (+15551234567). ${PHONE_INPUT_RULES}.`,
	},
	countryField('US'),
	...objectInputProperties({
		name: 'variables',
		displayName: 'Variables',
		description: "Values the agent's instructions use as {{variable_name}}, e.g. customer_name",
		example: '{\n  "customer_name": "Jane"\n}',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description: 'The ID of an existing Klen AI contact, to link the call to it: a whole number from 1 to 9,007,199,254,740,991',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['initiate'] } }, properties);

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const agentId = readAgentId(this, itemIndex);
	const phone = readPhoneParameter(this, itemIndex, 'phoneNumber', { phone: 'Phone Number' });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { phone_number: phone.e164, agent_id: agentId };
	if (fields.contactId !== undefined) body.contact_id = fields.contactId;
	const variables = readObjectInput(this, itemIndex, 'variables', 'Variables');
	if (variables !== undefined) body.variables = variables;
	return validateItem(node, itemIndex, initiateBody, body, labels) as IDataObject;
}

export async function execute(this: IExecuteFunctions, item: Item, body: IDataObject): Promise<INodeExecutionData[]> {
	return [{ json: await klen.request(this, 'POST', '/calls', { body, item }) }];
}
