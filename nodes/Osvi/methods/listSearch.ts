import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from '../../shared/parameters/searchFilter';
import { osvi } from '../client';

interface ActiveAgent {
	agent_id?: string;
	name?: string;
}

/** Active agents for the agent picker; the filter matches name or ID, case-insensitively. */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const agents = await osvi.request<ActiveAgent[]>(this, 'GET', '/v1/active_agents');
	const results = (Array.isArray(agents) ? agents : [])
		.filter((agent) => typeof agent.agent_id === 'string')
		.filter((agent) => matchesSearch(filter, agent.name, agent.agent_id))
		.map((agent) => ({ name: agent.name || agent.agent_id!, value: agent.agent_id! }));
	return { results };
}
