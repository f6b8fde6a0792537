import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { agentLocator, defaultCountryField } from '../common.descriptions';
import { dndPhoneField, readDndEntry } from './shared';
import type { DndEntry } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

export const description = updateDisplayOptions({ show: { resource: ['dnd'], operation: ['remove'] } }, [
	agentLocator,
	dndPhoneField,
	defaultCountryField,
]);

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): DndEntry {
	return readDndEntry(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, item: Item, { agentUuid, phone }: DndEntry): Promise<INodeExecutionData[]> {
	// As documented: both values in the query string, no body.
	const answer = await osvi.request<{ message?: string }>(this, 'DELETE', '/v1/dnd_numbers', {
		qs: { agent_uuid: agentUuid, phone: phone.e164 },
		item,
		notFoundHint: NOT_FOUND.dndNumber,
	});
	return [{ json: { removed: true, agent_uuid: agentUuid, phone: phone.e164, message: answer?.message ?? null } }];
}
