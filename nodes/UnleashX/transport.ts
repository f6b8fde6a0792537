import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { httpError, joinUrl, runCredentials, sendApiRequest } from '../shared/http';
import type { ApiContext, ApiResponse } from '../shared/http';
import { collectPages } from '../shared/paging';

export const UNLEASHX_CREDENTIAL = 'unleashXApi';
const API = '/api/v1/global';

const HINTS: Record<number, string> = {
	401: 'Check the API token in the UnleashX credential (Profile & Settings → API Key).',
	404: 'For calls: the agent must exist in this workspace, be active, be a voice agent and be set up for outbound calls.',
	422: "UnleashX did not accept the request; the message above is UnleashX's own.",
};

function unleashXHttpError(context: ApiContext, response: ApiResponse, itemIndex?: number) {
	const server = (response.body as { message?: unknown } | undefined)?.message;
	const message = typeof server === 'string' && server !== '' ? `UnleashX: ${server}` : `UnleashX answered with HTTP ${response.statusCode}`;
	const hint = HINTS[response.statusCode] ?? (response.statusCode >= 500 ? 'UnleashX had an internal error. Try again later.' : undefined);
	return httpError(context.getNode(), response, message, hint, itemIndex);
}

/** One request under `/api/v1/global`; an answer with `error: true` fails even with a 2xx status. */
export async function unleashXApiRequest<T = IDataObject>(
	context: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs, itemIndex }: { body?: IDataObject; qs?: IDataObject; itemIndex?: number } = {},
): Promise<T> {
	const { baseUrl } = await runCredentials<{ baseUrl?: string }>(context, UNLEASHX_CREDENTIAL);
	const response = await sendApiRequest(
		context,
		UNLEASHX_CREDENTIAL,
		{ method, url: joinUrl(baseUrl || 'https://www.tryunleashx.com', `${API}${path}`), body, qs },
		itemIndex,
	);
	const failed = (response.body as { error?: unknown } | undefined)?.error === true;
	if (response.statusCode >= 200 && response.statusCode < 300 && !failed) return response.body as T;
	throw unleashXHttpError(context, response, itemIndex);
}

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

export async function listVoiceAgents(context: ApiContext, itemIndex?: number): Promise<IDataObject[]> {
	return unwrapList(await unleashXApiRequest(context, 'GET', '/agents/get', { qs: { agent_type: 3 }, itemIndex }));
}

/**
 * The executions list has `page`/`limit` and no totals: a page shorter than the limit is the last.
 * `maxPages` bounds a search that may not find what it looks for.
 */
export async function listExecutions(
	context: ApiContext,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
	pageSize = 100,
	stopWhen?: (row: IDataObject) => boolean,
	maxPages = Number.POSITIVE_INFINITY,
): Promise<IDataObject[]> {
	let found = false;
	return await collectPages(async (page) => {
		const body = await unleashXApiRequest<{ datalist?: IDataObject[] }>(context, 'GET', '/agents/executions/list', {
			qs: { ...qs, page, limit: pageSize },
			itemIndex,
		});
		const items = Array.isArray(body?.datalist) ? body.datalist : [];
		if (stopWhen) found = items.some(stopWhen);
		return { items, hasMore: items.length >= pageSize && !found && page < maxPages };
	}, limit);
}
