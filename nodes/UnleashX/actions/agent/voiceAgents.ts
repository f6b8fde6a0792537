import type { IDataObject } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import type { ApiContext } from '../../../shared/transport/http';
import { unleashX } from '../../client';

/** Reads are wrapped once or twice (`data.data`); a list may also come as a single object. */
export function unwrapList(body: unknown): IDataObject[] {
	let value: unknown = body;
	for (let depth = 0; depth < 3 && value && typeof value === 'object' && !Array.isArray(value) && 'data' in value; depth++) {
		value = (value as { data: unknown }).data;
	}
	if (Array.isArray(value)) return value as IDataObject[];
	return value && typeof value === 'object' ? [value as IDataObject] : [];
}

/** The agents that can place calls: active (1), voice (3), outbound (1). */
export function isOutboundVoiceAgent(agent: IDataObject): boolean {
	return Number(agent.status) === 1 && Number(agent.agent_type) === 3 && Number(agent.calling_type) === 1;
}

export async function listVoiceAgents(context: ApiContext, item?: Item): Promise<IDataObject[]> {
	return unwrapList(await unleashX.request(context, 'GET', '/agents/get', { qs: { agent_type: 3 }, item }));
}
