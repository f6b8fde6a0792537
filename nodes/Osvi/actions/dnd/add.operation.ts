import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { readText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { agentLocator, defaultCountryField } from '../common.descriptions';
import { OSVI_LIMITS } from '../common.parameters';
import { dndPhoneField, readDndEntry } from './shared';
import type { DndEntry } from './shared';

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
		description: 'Why the number may not be called: one line of at most 500 characters',
	},
]);

interface Addition extends DndEntry {
	reason?: string;
}

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): Addition {
	const reason = readText(this, itemIndex, 'reason', 'Reason', { maxLength: OSVI_LIMITS.reason, kind: 'line' });
	return { ...readDndEntry(this, itemIndex), reason };
}

export async function execute(this: IExecuteFunctions, item: Item, { agentUuid, phone, reason }: Addition): Promise<INodeExecutionData[]> {
	const entry = await osvi.data(this, 'POST', '/v1/dnd_numbers', {
		body: { agent_uuid: agentUuid, phone: phone.e164, ...(reason ? { reason } : {}) },
		item,
		notFoundHint: NOT_FOUND.agent,
	});
	return toItems(entry);
}
