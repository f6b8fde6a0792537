import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { readCustomerId, readOptionalAgentId } from '../common.parameters';
import { customerIdField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['getActiveSession'] } }, [
	customerIdField,
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		default: '',
		placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
		description:
			"Only this agent's session. Leave empty for the customer's active sessions with every agent (one item each; one item with active false when there is none).",
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const customerId = readCustomerId(this, item.index);
	const agentId = readOptionalAgentId(this, item.index, 'agentId', 'Agent ID');
	if (agentId !== undefined) {
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
	const sessions = Object.entries(byAgent ?? {});
	// No session with any agent: one item says so, as for one agent, rather than none.
	if (sessions.length === 0) return [{ json: { active: false, customer_id: customerId } }];
	return sessions.map(([agentUuid, session]) => ({ json: { active: true, agent_uuid: agentUuid, ...session } }));
}
