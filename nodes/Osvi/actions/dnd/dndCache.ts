import type { IExecuteFunctions } from 'n8n-workflow';

import { osviListAll } from '../../transport';

// One lookup per execution and agent: the cache lives as long as the node's execution context.
const listsByExecution = new WeakMap<IExecuteFunctions, Map<string, Promise<Set<string>>>>();

/** The E.164 numbers on an agent's Do Not Disturb list, read once (all pages) per execution. */
export async function dndNumbersOf(context: IExecuteFunctions, agentUuid: string, itemIndex: number): Promise<Set<string>> {
	let lists = listsByExecution.get(context);
	if (!lists) {
		lists = new Map();
		listsByExecution.set(context, lists);
	}
	let numbers = lists.get(agentUuid);
	if (!numbers) {
		numbers = osviListAll(context, '/v1/dnd_numbers', { agent_uuid: agentUuid }, undefined, itemIndex).then(
			(entries) => new Set(entries.map((entry) => String(entry.phone))),
		);
		// A failed lookup is not kept: the next item tries again.
		numbers.catch(() => lists!.delete(agentUuid));
		lists.set(agentUuid, numbers);
	}
	return await numbers;
}
