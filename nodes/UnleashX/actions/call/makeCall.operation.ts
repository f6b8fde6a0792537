import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { onFirstUse } from '../../../shared/execution/onFirstUse';
import type { Item } from '../../../shared/execution/operation';
import { objectInputProperties, readObjectInput } from '../../../shared/parameters/objectInput';
import { countryField, PHONE_INPUT_RULES, readPhoneParameter } from '../../../shared/parameters/phoneFields';
import { validateItem } from '../../../shared/parameters/validation';
import { unleashX } from '../../client';
import { agentLocator } from '../common.descriptions';
import type * as CallSchema from './makeCall.schema';
import { placeCall } from '../../../shared/calling/placeCall';
import type { PreparedCall } from '../../../shared/calling/placeCall';
import { callingRulesProperty, readCallingRules } from '../../../shared/calling/rules';
import { findUnleashXCallsTo, RECENT_CALLS_NOTE } from './calling';
import { waitProperties } from '../../../shared/waiting';
import { waitOffer, waiting } from './waiting';

// Loaded on first use: the schema loads the zod bundle, which n8n's start-up need not pay for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const requestSchema = onFirstUse(() => require('./makeCall.schema') as typeof CallSchema);

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
	...waitProperties(waitOffer),
];

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['makeCall'] } }, [
	...properties,
	callingRulesProperty(RECENT_CALLS_NOTE),
]);

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): PreparedCall {
	const node = this.getNode();
	const agent = this.getNodeParameter('agent', itemIndex, '', { extractValue: true });
	const phone = readPhoneParameter(this, itemIndex, 'phoneNumber', { phone: 'Phone Number' });
	const body: IDataObject = { agent_id: agent, phone_number: phone.e164 };
	const metadata = readObjectInput(this, itemIndex, 'metadata', 'Metadata');
	if (metadata !== undefined) body.metadata = metadata;
	const checked = validateItem(node, itemIndex, requestSchema().callBody, body, requestSchema().labels) as IDataObject;
	return { body: checked, phone, rules: readCallingRules(this, itemIndex) };
}

type CallAnswer = { message?: string; data?: IDataObject };

export async function execute(this: IExecuteFunctions, item: Item, { body, phone, rules }: PreparedCall): Promise<INodeExecutionData[]> {
	const outcome = await placeCall<CallAnswer>(this, item, {
		phone,
		rules,
		carriedOutBefore: await unleashX.carriedOutBefore(this, item, 'POST', '/agents/call', body),
		findCallsTo: findUnleashXCallsTo,
		place: async () => await unleashX.request<CallAnswer>(this, 'POST', '/agents/call', { body, item }),
		callIdOf: (answer) => (typeof answer.data?.execution_id === 'string' ? answer.data.execution_id : null),
		recordFound: async ({ call_id }) => {
			const answer = { success: true, message: 'Found in the executions list', data: { execution_id: call_id, agent_id: body.agent_id, phone_number: phone.e164 } };
			await unleashX.recordOutcome(this, item, 'POST', '/agents/call', body, answer);
			return answer;
		},
	});
	if (outcome.skipped) return [{ json: { ...outcome.skipped, agent_id: body.agent_id } }];
	// The first answer was unclear; the call was then found in the executions list.
	const found = outcome.reconciled ? { outcome: 'placed', found_in_call_list: true } : {};
	return [{ json: { ...(outcome.answer.data ?? {}), message: outcome.answer.message ?? null, ...found } }];
}
