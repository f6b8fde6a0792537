import type { IExecuteFunctions } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { oncePerRun } from '../../../shared/execution/perRun';
import { osvi } from '../../client';

/** The E.164 numbers on an agent's Do Not Disturb list, read once (all pages) per node run. */
export async function dndNumbersOf(context: IExecuteFunctions, agentUuid: string, item: Item): Promise<Set<string>> {
	return await oncePerRun(context, `dnd:${agentUuid}`, async () => {
		const entries = await osvi.listAll(context, '/v1/dnd_numbers', { agent_uuid: agentUuid }, undefined, { item });
		return new Set(entries.map((entry) => String(entry.phone)));
	});
}
