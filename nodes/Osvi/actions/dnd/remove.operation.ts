import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { osviApiRequest } from '../../transport';
import { agentLocator, defaultCountryField, readAgentId, readPhone } from '../common.descriptions';
import { dndPhoneField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['remove'] } }, [
	agentLocator,
	dndPhoneField,
	defaultCountryField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, itemIndex);
	const phone = readPhone(this, itemIndex);
	// As documented: both values in the query string, no body.
	const answer = await osviApiRequest<{ message?: string }>(this, 'DELETE', '/v1/dnd_numbers', {
		qs: { agent_uuid: agentUuid, phone: phone.e164 },
		itemIndex,
	});
	return [{ json: { removed: true, agent_uuid: agentUuid, phone: phone.e164, message: answer?.message ?? null } }];
}
