import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch } from '../../shared/parameters/searchFilter';
import { voiceOs } from '../client';

/** Saved agents; an agent's name, when it has one, is kept in its metadata. */
export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const agents = await voiceOs.listAll(this, '/agents', {}, undefined);
	const nameOf = (agent: IDataObject) => ((agent.metadata as IDataObject | undefined)?.name as string | undefined) ?? (agent.id as string);
	return {
		results: agents
			.filter((agent) => matchesSearch(filter, agent.id, nameOf(agent), agent.prompt))
			.map((agent) => ({ name: nameOf(agent), value: agent.id as string })),
	};
}

/** The account's phone numbers, for the From number. */
export async function searchPhoneNumbers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const numbers = await voiceOs.listAll(this, '/phone_numbers', {}, undefined);
	return {
		results: numbers
			.filter((number) => matchesSearch(filter, number.phone_number))
			.map((number) => ({ name: number.phone_number as string, value: number.phone_number as string })),
	};
}
