import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { httpError, joinUrl, runCredentials, sendApiRequest } from '../shared/http';
import type { ApiContext, ApiResponse } from '../shared/http';
import { collectPages } from '../shared/paging';

export const VOICEOS_CREDENTIAL = 'voiceOsApi';

/** FastAPI errors: 422 `detail[]` with `loc` and `msg`, others (probably) `detail` as text. */
export function voiceOsErrorMessage(body: unknown): string | undefined {
	const detail = (body as { detail?: unknown } | undefined)?.detail;
	if (typeof detail === 'string' && detail !== '') return detail;
	if (Array.isArray(detail) && detail.length > 0) {
		return detail
			.map((entry: { loc?: unknown[]; msg?: string }) => {
				const where = (entry.loc ?? []).filter((part) => part !== 'body').join('.');
				return where ? `${where}: ${entry.msg ?? 'invalid'}` : (entry.msg ?? 'invalid');
			})
			.join('; ');
	}
	return undefined;
}

const HINTS: Record<number, string> = {
	401: 'Check the API token in the VoiceOS credential.',
	403: 'The token may not access this resource.',
	404: 'VoiceOS does not know this resource: check the ID (and that the From number belongs to the account).',
	422: "VoiceOS did not accept the request; the message above is VoiceOS's own.",
};

function voiceOsHttpError(context: ApiContext, response: ApiResponse, itemIndex?: number) {
	const server = voiceOsErrorMessage(response.body);
	const message = server ? `VoiceOS: ${server}` : `VoiceOS answered with HTTP ${response.statusCode}`;
	const hint = HINTS[response.statusCode] ?? (response.statusCode >= 500 ? 'VoiceOS had an internal error. Try again later.' : undefined);
	return httpError(context.getNode(), response, message, hint, itemIndex);
}

export async function voiceOsApiRequest<T = IDataObject>(
	context: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs, itemIndex }: { body?: IDataObject; qs?: IDataObject; itemIndex?: number } = {},
): Promise<T> {
	const { baseUrl } = await runCredentials<{ baseUrl?: string }>(context, VOICEOS_CREDENTIAL);
	const response = await sendApiRequest(
		context,
		VOICEOS_CREDENTIAL,
		{ method, url: joinUrl(baseUrl || 'https://api.voiceos.io', path), body, qs },
		itemIndex,
	);
	if (response.statusCode >= 200 && response.statusCode < 300) return response.body as T;
	throw voiceOsHttpError(context, response, itemIndex);
}

const PAGE_SIZE = 100;

/** A list with `index` (from 1) and `limit`, answered as `{items, index, has_more}`. */
export async function voiceOsListAll(
	context: ApiContext,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, Math.max(1, limit));
	return await collectPages(async (index) => {
		const body = await voiceOsApiRequest<{ items?: IDataObject[]; has_more?: boolean }>(context, 'GET', path, {
			qs: { ...qs, index, limit: pageSize },
			itemIndex,
		});
		return { items: Array.isArray(body?.items) ? body.items : [], hasMore: body?.has_more === true };
	}, limit);
}
