import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from '../../shared/parameters/searchFilter';
import { isOutboundVoiceAgent, listVoiceAgents } from '../actions/agent/voiceAgents';

/** Agents that can place calls: active outbound voice agents; the filter matches name or ID. */
export async function searchOutboundAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const results = (await listVoiceAgents(this))
		.filter(isOutboundVoiceAgent)
		.filter((agent) => matchesSearch(filter, agent.agent_name, agent.agent_id))
		.map((agent) => ({ name: String(agent.agent_name ?? agent.agent_id), value: String(agent.agent_id) }));
	return { results };
}
