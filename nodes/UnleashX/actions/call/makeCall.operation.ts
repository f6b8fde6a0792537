import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { objectInputProperties, readObjectInput } from '../../../shared/objectInput';
import { checkPhoneNumber } from '../../../shared/phone';
import { invalidFieldError, validateItem } from '../../../shared/validation';
import { z } from '../../../shared/vendor/zod';
import { jsonObject } from '../../../shared/zodRules';
import { unleashXApiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Agent',
		name: 'agent',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The voice agent that calls. The list shows active outbound voice agents of the workspace.',
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchOutboundAgents', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '123',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'An UnleashX agent ID is a number' } }],
			},
		],
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+919876543210',
		description: 'The number to call, in any usual format; it is sent with + and its country code',
	},
	{
		displayName: 'Default Country Name or ID',
		name: 'country',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: 'IN',
		description:
			'Country of numbers written without a +country code. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...objectInputProperties({
		name: 'metadata',
		displayName: 'Metadata',
		description: 'Context the agent can use during the call: customer details, order, reason, your tracking IDs',
		example: '{\n  "customer_name": "Asha",\n  "order_id": "A-1042"\n}',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['makeCall'] } }, properties);

const callBody = z.object({
	agent_id: z.number().int().positive(),
	phone_number: z.string().regex(/^\+\d{6,15}$/, 'must have + and its country code'),
	metadata: jsonObject.optional(),
});

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const agentId = String(this.getNodeParameter('agent', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!/^\d+$/.test(agentId)) {
		throw invalidFieldError(node, itemIndex, 'Agent', agentId === '' ? 'is empty: pick an agent' : `"${agentId}" is not an UnleashX agent ID (a number)`);
	}
	const checked = checkPhoneNumber(this.getNodeParameter('phoneNumber', itemIndex, ''), this.getNodeParameter('country', itemIndex, '') as string);
	if (checked.problem !== undefined) {
		throw invalidFieldError(node, itemIndex, checked.field === 'country' ? 'Default Country' : 'Phone Number', checked.problem);
	}
	const body: IDataObject = { agent_id: Number(agentId), phone_number: checked.phone.e164 };
	const metadata = readObjectInput(this, itemIndex, 'metadata', 'Metadata');
	if (metadata !== undefined) body.metadata = metadata as IDataObject;
	return validateItem(node, itemIndex, callBody, body, { agent_id: 'Agent', phone_number: 'Phone Number', metadata: 'Metadata' }) as IDataObject;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject = prepare.call(this, itemIndex),
): Promise<INodeExecutionData[]> {
	const answer = await unleashXApiRequest<{ message?: string; data?: IDataObject }>(this, 'POST', '/agents/call', { body, itemIndex });
	return [{ json: { ...(answer.data ?? {}), message: answer.message ?? null } }];
}
