import type { IDataObject } from 'n8n-workflow';

import { OSVI_BASE_URL } from '../../credentials/OsviApi.credentials';
import { describeByStatus, PlatformClient } from '../shared/transport/client';

/** Reads the server's own words from either documented error envelope (`errors[]` or `error`) or `message`. */
export function osviErrorMessage(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return typeof body === 'string' && body !== '' ? body : undefined;
	const { errors, error, message } = body as { errors?: unknown; error?: unknown; message?: unknown };
	if (Array.isArray(errors) && errors.length > 0) return errors.map(String).join('; ');
	if (typeof error === 'string' && error !== '') return error;
	if (typeof message === 'string' && message !== '') return message;
	return undefined;
}

interface ListEnvelope {
	data?: IDataObject[];
	meta?: { current_page?: number; total_pages?: number };
}

export const osvi = new PlatformClient({
	name: 'OSVI',
	credentialType: 'osviApi',
	defaultBaseUrl: OSVI_BASE_URL,
	describeError: describeByStatus('OSVI', osviErrorMessage, {
		401: 'OSVI rejected the API token. Check the token in the OSVI credential: it is 16 characters, from Dashboard → Settings → API.',
		403: 'The agent belongs to another OSVI account than this API token. Pick the agent from the list, or use the credential of the account that owns it.',
		404: "OSVI does not know this resource. Check the ID (calls, agents and campaigns must belong to the token's account).",
		422: "OSVI did not accept the request. The message above is OSVI's own.",
		429: 'OSVI is limiting the rate of requests. Try again later or send fewer items at once.',
	}),
	// Lists take `page`/`per_page` and answer with `meta`; the last page has current_page = total_pages.
	paging: {
		maxPageSize: 100,
		query: (page, pageSize) => ({ page, per_page: pageSize }),
		read: (body, page) => {
			const { data, meta } = (body ?? {}) as ListEnvelope;
			const current = Number(meta?.current_page ?? page);
			return { items: Array.isArray(data) ? data : [], hasMore: current < Number(meta?.total_pages ?? current) };
		},
	},
	// `data` of the success envelope `{success: true, data}`; a bare answer is taken as it is.
	unwrap: (body) => (body as { data?: unknown } | undefined)?.data ?? body,
});
