import type { IExecuteFunctions } from 'n8n-workflow';

import { oncePerRun } from '../../../shared/perRun';
import { osviListAll } from '../../transport';

/** The E.164 numbers on an agent's Do Not Disturb list, read once (all pages) per node run. */
export async function dndNumbersOf(context: IExecuteFunctions, agentUuid: string, itemIndex: number): Promise<Set<string>> {
	return await oncePerRun(context, `dnd:${agentUuid}`, async () => {
		const entries = await osviListAll(context, '/v1/dnd_numbers', { agent_uuid: agentUuid }, undefined, itemIndex);
		return new Set(entries.map((entry) => String(entry.phone)));
	});
}
