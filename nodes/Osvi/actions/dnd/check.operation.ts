import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import type { ApiContext } from '../../../shared/transport/http';
import { agentLocator, defaultCountryField } from '../common.descriptions';
import { dndPhoneField, readDndEntry } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['check'] } }, [
	agentLocator,
	dndPhoneField,
	defaultCountryField,
]);

/** The entry of `e164` on the agent's list, if any: searched by its digits, compared exactly as E.164. */
export async function findDndEntry(context: ApiContext, agentUuid: string, e164: string, nationalNumber: string, item?: Item) {
	const candidates = await osvi.listAll(context, '/v1/dnd_numbers', { agent_uuid: agentUuid, search: nationalNumber }, undefined, { item });
	return candidates.find((entry) => entry.phone === e164);
}

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const { agentUuid, phone } = readDndEntry(this, item.index);
	const entry = await findDndEntry(this, agentUuid, phone.e164, phone.nationalNumber, item);
	const json: IDataObject = { agent_uuid: agentUuid, phone: phone.e164, on_dnd_list: entry !== undefined, entry: entry ?? null };
	return [{ json }];
}
