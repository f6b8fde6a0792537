import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { osviData } from '../../transport';
import { agentLocator, defaultCountryField, readAgentId, readPhone } from '../common.descriptions';
import { dndPhoneField } from './shared';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, itemIndex);
	const phone = readPhone(this, itemIndex);
	const reason = (this.getNodeParameter('reason', itemIndex, '') as string).trim();
	const entry = await osviData(this, 'POST', '/v1/dnd_numbers', {
		body: { agent_uuid: agentUuid, phone: phone.e164, ...(reason ? { reason } : {}) },
		itemIndex,
	});
	return toItems(entry);
}
