import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { isOutboundVoiceAgent, listVoiceAgents } from '../transport';

/** Agents that can place calls: active outbound voice agents; the filter matches name or ID. */
export async function searchOutboundAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = (await listVoiceAgents(this))
		.filter(isOutboundVoiceAgent)
		.filter((agent) => needle === '' || [agent.agent_name, agent.agent_id].some((text) => String(text ?? '').toLowerCase().includes(needle)))
		.map((agent) => ({ name: String(agent.agent_name ?? agent.agent_id), value: String(agent.agent_id) }));
	return { results };
}
