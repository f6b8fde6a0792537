import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { agentLocator, defaultCountryField } from '../common.descriptions';
import { readAgentId, readPhone } from '../common.parameters';
import { dndPhoneField } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['add'] } }, [
	agentLocator,
	dndPhoneField,
	defaultCountryField,
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		placeholder: 'Customer asked not to be called',
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, item.index);
	const phone = readPhone(this, item.index);
	const reason = (this.getNodeParameter('reason', item.index, '') as string).trim();
	const entry = await osvi.data(this, 'POST', '/v1/dnd_numbers', {
		body: { agent_uuid: agentUuid, phone: phone.e164, ...(reason ? { reason } : {}) },
		item,
	});
	return toItems(entry);
}
