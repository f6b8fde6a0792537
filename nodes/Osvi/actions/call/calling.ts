import type { IExecuteFunctions } from 'n8n-workflow';

import { isSince } from '../../../shared/calling/pastCalls';
import type { FindCallsTo } from '../../../shared/calling/pastCalls';
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

/**
 * Outbound calls to a number since a time, from `GET /v1/calls` (newest first, filtered by the
 * number's digits, which OSVI matches partially: rows are then compared as E.164). Paging stops at
 * the first page that reaches back before `since`.
 */
export const findOsviCallsTo: FindCallsTo = async (context, item, phone, since) => {
	const rows = await osvi.listAll(context, '/v1/calls', { phone_number: phone.nationalNumber, call_type: 'outbound' }, undefined, {
		item,
		stopWhen: (row) => !isSince(row.created_at, since),
		maxPages: 20,
	});
	return rows
		.filter((row) => row.phone_number === phone.e164 && isSince(row.created_at, since))
		.map((row) => ({ call_id: typeof row.call_id === 'string' ? row.call_id : null, at: typeof row.created_at === 'string' ? row.created_at : null }));
};
