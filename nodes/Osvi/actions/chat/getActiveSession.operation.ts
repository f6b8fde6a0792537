import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { AGENT_ID_PATTERN } from '../common.descriptions';
import { invalidFieldError, readRequiredText } from '../../../shared/parameters/validation';
import { customerIdField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['getActiveSession'] } }, [
	customerIdField,
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		default: '',
		placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
		description: "Only this agent's session. Leave empty for the customer's active sessions with every agent (one item each).",
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const customerId = readRequiredText(this, item.index, 'customerId', 'Customer ID');
	const agentId = String(this.getNodeParameter('agentId', item.index, '') ?? '').trim();
	if (agentId !== '' && !AGENT_ID_PATTERN.test(agentId)) {
		throw invalidFieldError(this.getNode(), item.index, 'Agent ID', `"${agentId}" is not an OSVI agent ID`);
	}
	if (agentId !== '') {
		// OSVI answers 404 when there is none: that is an answer, not a failure.
		const session = await osvi.data<IDataObject | undefined>(this, 'GET', '/v1/chat/session/active', {
			qs: { customer_id: customerId, agent_uuid: agentId },
			item,
			notFoundAsUndefined: true,
		});
		return [{ json: session ? { active: true, ...session } : { active: false, customer_id: customerId, agent_uuid: agentId } }];
	}
	const byAgent = await osvi.data<Record<string, IDataObject>>(this, 'GET', '/v1/chat/session/active', {
		qs: { customer_id: customerId },
		item,
	});
	return Object.entries(byAgent ?? {}).map(([agentUuid, session]) => ({ json: { active: true, agent_uuid: agentUuid, ...session } }));
}
