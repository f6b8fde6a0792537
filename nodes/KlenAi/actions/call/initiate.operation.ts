import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { onFirstUse } from '../../../shared/execution/onFirstUse';
import type { Item } from '../../../shared/execution/operation';
import { objectInputProperties, readObjectInput } from '../../../shared/parameters/objectInput';
import { countryField, PHONE_INPUT_RULES, readPhoneParameter } from '../../../shared/parameters/phoneFields';
import { validateItem } from '../../../shared/parameters/validation';
import { klen } from '../../client';
import type * as InitiateSchema from './initiate.schema';
import { agentLocator, readAgentId } from '../common.descriptions';
import { placeCall } from '../../../shared/calling/placeCall';
import type { PreparedCall } from '../../../shared/calling/placeCall';
import { callingRulesProperty, readCallingRules } from '../../../shared/calling/rules';
import { findKlenCallsTo, RECENT_CALLS_NOTE } from './calling';
import { waitProperties } from '../../../shared/waiting';
import { waitOffer, waiting } from './waiting';

// Loaded on first use: the schema loads the zod bundle, which n8n's start-up need not pay for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requestSchema = onFirstUse(() => require('./initiate.schema') as typeof InitiateSchema);

export { waiting };

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
	...waitProperties(waitOffer),
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['initiate'] } }, [
	...properties,
	callingRulesProperty(RECENT_CALLS_NOTE),
]);

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall {
	const node = this.getNode();
	const agentId = readAgentId(this, itemIndex);
	const phone = readPhoneParameter(this, itemIndex, 'phoneNumber', { phone: 'Phone Number' });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { phone_number: phone.e164, agent_id: agentId };
	if (fields.contactId !== undefined) body.contact_id = fields.contactId;
	const variables = readObjectInput(this, itemIndex, 'variables', 'Variables');
	if (variables !== undefined) body.variables = variables;
	const checked = validateItem(node, itemIndex, requestSchema().initiateBody, body, requestSchema().labels) as IDataObject;
	return { body: checked, phone, rules: readCallingRules(this, itemIndex) };
}

export async function execute(this: IExecuteFunctions, item: Item, { body, phone, rules }: PreparedCall): Promise<INodeExecutionData[]> {
	const outcome = await placeCall(this, item, {
		phone,
		rules,
		carriedOutBefore: await klen.carriedOutBefore(this, item, 'POST', '/calls', body),
		findCallsTo: findKlenCallsTo,
		place: async () => await klen.request(this, 'POST', '/calls', { body, item }),
		callIdOf: (call) => (typeof call.call_id === 'string' ? call.call_id : null),
		recordFound: async ({ call_id }) => {
			const call = { call_id, phone_number: phone.e164, type: 'outbound' };
			await klen.recordOutcome(this, item, 'POST', '/calls', body, call);
			return call;
		},
	});
	if (outcome.skipped) return [{ json: { ...outcome.skipped, agent_id: body.agent_id } }];
	// The first answer was unclear; the call was then found in Klen AI's call list.
	const found = outcome.reconciled ? { outcome: 'placed', found_in_call_list: true } : {};
	return [{ json: { ...outcome.answer, ...found } }];
}
