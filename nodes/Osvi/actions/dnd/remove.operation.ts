import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { agentLocator, defaultCountryField } from '../common.descriptions';
import { readAgentId, readPhone } from '../common.parameters';
import { dndPhoneField } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['remove'] } }, [
	agentLocator,
	dndPhoneField,
	defaultCountryField,
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, item.index);
	const phone = readPhone(this, item.index);
	// As documented: both values in the query string, no body.
	const answer = await osvi.request<{ message?: string }>(this, 'DELETE', '/v1/dnd_numbers', {
		qs: { agent_uuid: agentUuid, phone: phone.e164 },
		item,
	});
	return [{ json: { removed: true, agent_uuid: agentUuid, phone: phone.e164, message: answer?.message ?? null } }];
}
