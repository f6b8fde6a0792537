import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { httpError, joinUrl, runCredentials, sendApiRequest } from '../shared/http';
import type { ApiContext, ApiResponse } from '../shared/http';
import { collectPages } from '../shared/paging';

export const OSVI_CREDENTIAL = 'osviApi';

interface RequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex?: number;
	/** Answer `undefined` for a 404 instead of failing (a resource that may not be visible yet). */
	notFoundAsUndefined?: boolean;
}

/** Reads the server's own words from either documented error envelope (`errors[]` or `error`) or `message`. */
export function osviErrorMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return typeof body === 'string' && body !== '' ? body : undefined;
	const { errors, error, message } = body as { errors?: unknown; error?: unknown; message?: unknown };
	if (Array.isArray(errors) && errors.length > 0) return errors.map(String).join('; ');
	if (typeof error === 'string' && error !== '') return error;
	if (typeof message === 'string' && message !== '') return message;
	return undefined;
}

const HINTS: Record<number, string> = {
	401: 'OSVI rejected the API token. Check the token in the OSVI credential: it is 16 characters, from Dashboard → Settings → API.',
	403: 'The agent belongs to another OSVI account than this API token. Pick the agent from the list, or use the credential of the account that owns it.',
	404: 'OSVI does not know this resource. Check the ID (calls, agents and campaigns must belong to the token\'s account).',
	422: 'OSVI did not accept the request. The message above is OSVI\'s own.',
	429: 'OSVI is limiting the rate of requests. Try again later or send fewer items at once.',
};

export function osviHttpError(context: ApiContext, response: ApiResponse, itemIndex?: number) {
	const { statusCode } = response;
	const serverMessage = osviErrorMessage(response.body);
	const message = serverMessage
		? `OSVI: ${serverMessage}`
		: `OSVI answered with HTTP ${statusCode}`;
	const hint = HINTS[statusCode] ?? (statusCode >= 500 ? 'OSVI had an internal error. Try again later.' : undefined);
	return httpError(context.getNode(), response, message, hint, itemIndex);
}

/** One OSVI request; returns the parsed body of a 2xx answer, or throws a mapped `NodeApiError`. */
export async function osviApiRequest<T = unknown>(
	context: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	{ body, qs, itemIndex, notFoundAsUndefined }: RequestOptions = {},
): Promise<T> {
	const { baseUrl } = await runCredentials<{ baseUrl?: string }>(context, OSVI_CREDENTIAL);
	const response = await sendApiRequest(
		context,
		OSVI_CREDENTIAL,
		{ method, url: joinUrl(baseUrl || 'https://api.osvi.ai', path), body, qs },
		itemIndex,
	);
	if (response.statusCode >= 200 && response.statusCode < 300) return response.body as T;
	if (response.statusCode === 404 && notFoundAsUndefined) return undefined as T;
	throw osviHttpError(context, response, itemIndex);
}

/** `data` of the success envelope `{success: true, data}`. */
export async function osviData<T = IDataObject>(
	context: ApiContext,
	method: IHttpRequestMethods,
	path: string,
	options: RequestOptions = {},
): Promise<T> {
	const body = await osviApiRequest<{ data?: T }>(context, method, path, options);
	return (body?.data ?? body) as T;
}

interface ListEnvelope {
	data?: IDataObject[];
	meta?: { current_page?: number; total_pages?: number };
}

const MAX_PER_PAGE = 100;

/**
 * A list endpoint with `page`/`per_page` and `meta`: every page when `limit` is undefined,
 * otherwise only as many pages as the limit needs.
 */
export async function osviListAll(
	context: ApiContext,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
	itemIndex?: number,
): Promise<IDataObject[]> {
	// The page size stays the same on every page: `page` counts in units of `per_page`.
	const perPage = limit === undefined ? MAX_PER_PAGE : Math.min(MAX_PER_PAGE, Math.max(1, limit));
	return await collectPages(async (page) => {
		const body = await osviApiRequest<ListEnvelope>(context, 'GET', path, {
			qs: { ...qs, page, per_page: perPage },
			itemIndex,
		});
		const items = Array.isArray(body?.data) ? body.data : [];
		const current = Number(body?.meta?.current_page ?? page);
		const total = Number(body?.meta?.total_pages ?? current);
		return { items, hasMore: current < total };
	}, limit);
}
