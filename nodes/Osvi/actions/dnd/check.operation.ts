import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { osviListAll } from '../../transport';
import type { ApiContext } from '../../../shared/http';
import { agentLocator, defaultCountryField, readAgentId, readPhone } from '../common.descriptions';
import { dndPhoneField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['check'] } }, [
	agentLocator,
	dndPhoneField,
	defaultCountryField,
]);

/** The entry of `e164` on the agent's list, if any: searched by its digits, compared exactly as E.164. */
export async function findDndEntry(context: ApiContext, agentUuid: string, e164: string, nationalNumber: string, itemIndex?: number) {
	const candidates = await osviListAll(context, '/v1/dnd_numbers', { agent_uuid: agentUuid, search: nationalNumber }, undefined, itemIndex);
	return candidates.find((entry) => entry.phone === e164);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, itemIndex);
	const phone = readPhone(this, itemIndex);
	const entry = await findDndEntry(this, agentUuid, phone.e164, phone.nationalNumber, itemIndex);
	const json: IDataObject = { agent_uuid: agentUuid, phone: phone.e164, on_dnd_list: entry !== undefined, entry: entry ?? null };
	return [{ json }];
}
