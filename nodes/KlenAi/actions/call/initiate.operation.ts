import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { objectInputProperties, readObjectInput } from '../../../shared/objectInput';
import { checkPhoneNumber } from '../../../shared/phone';
import { invalidFieldError, validateItem } from '../../../shared/validation';
import { z } from '../../../shared/vendor/zod';
import { jsonObject } from '../../../shared/zodRules';
import { klenApiRequest } from '../../transport';
import { agentLocator, readAgentId } from '../common.descriptions';

const properties: INodeProperties[] = [
	agentLocator,
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+15551234567',
		description: 'The number to call, in any usual format; it is sent in E.164 (+15551234567)',
	},
	{
		displayName: 'Default Country Name or ID',
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: 'US',
		description:
			'Country of numbers written without a +country code. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
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
				description: 'The ID of an existing Klen AI contact, to link the call to it',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['initiate'] } }, properties);

const initiateBody = z
	.object({
		phone_number: z.string().regex(/^\+\d{6,15}$/, 'must be in E.164 form'),
		agent_id: z.union([z.number().int().positive(), z.string().min(1)]),
		contact_id: z.number().int('must be a whole number').positive('must be above 0').optional(),
		variables: jsonObject.optional(),
	})
	.strict();

const labels = { phone_number: 'Phone Number', agent_id: 'Agent', contact_id: 'Contact ID', variables: 'Variables' };

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const agentId = readAgentId(this, itemIndex);
	const checked = checkPhoneNumber(this.getNodeParameter('phoneNumber', itemIndex, ''), this.getNodeParameter('country', itemIndex, '') as string);
	if (checked.problem !== undefined) {
		throw invalidFieldError(node, itemIndex, checked.field === 'country' ? 'Default Country' : 'Phone Number', checked.problem);
	}
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { phone_number: checked.phone.e164, agent_id: agentId };
	if (fields.contactId !== undefined) body.contact_id = fields.contactId;
	const variables = readObjectInput(this, itemIndex, 'variables', 'Variables');
	if (variables !== undefined) body.variables = variables as IDataObject;
	return validateItem(node, itemIndex, initiateBody, body, labels) as IDataObject;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject = prepare.call(this, itemIndex),
): Promise<INodeExecutionData[]> {
	return [{ json: await klenApiRequest(this, 'POST', '/calls', { body, itemIndex }) }];
}
