import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from '../../shared/parameters/searchFilter';
import { klen } from '../client';

interface KlenAgent {
	id?: number;
	assistant_id?: string;
	name?: string;
	can_make_calls?: boolean;
	phone_number?: string | null;
}

/** Agents that can make calls (they have a number); the filter matches name, ID or assistant ID. */
export async function searchCallAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { agents } = await klen.request<{ agents?: KlenAgent[] }>(this, 'GET', '/agents');
	const results = (agents ?? [])
		.filter((agent) => agent.can_make_calls === true && agent.id !== undefined)
		.filter((agent) => matchesSearch(filter, agent.name, agent.assistant_id, agent.id))
		.map((agent) => ({ name: `${agent.name ?? agent.assistant_id} (${agent.phone_number ?? 'no number'})`, value: String(agent.id) }));
	return { results };
}
