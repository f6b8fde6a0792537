import type { IDataObject } from 'n8n-workflow';

import { UNLEASHX_BASE_URL } from '../../credentials/UnleashXApi.credentials';
import { describeByStatus, PlatformClient } from '../shared/transport/client';

function serverMessage(body: unknown): string | undefined {
	const message = (body as { message?: unknown } | undefined)?.message;
	return typeof message === 'string' && message !== '' ? message : undefined;
}

export const unleashX = new PlatformClient({
	name: 'UnleashX',
	credentialType: 'unleashXApi',
	defaultBaseUrl: UNLEASHX_BASE_URL,
	pathPrefix: '/api/v1/global',
	describeError: describeByStatus('UnleashX', serverMessage, {
		401: 'Check the API token in the UnleashX credential (Profile & Settings → API Key).',
		404: 'For calls: the agent must exist in this workspace, be active, be a voice agent and be set up for outbound calls.',
		422: "UnleashX did not accept the request; the message above is UnleashX's own.",
	}),
	// An answer with `error: true` fails even with a 2xx status.
	failsDespiteStatus: (body) => (body as { error?: unknown } | undefined)?.error === true,
	// The executions list has `page`/`limit` and no totals: a page shorter than the limit is the last.
	paging: {
		maxPageSize: 100,
		query: (page, pageSize) => ({ page, limit: pageSize }),
		read: (body, _page, pageSize) => {
			const rows = (body as { datalist?: IDataObject[] } | undefined)?.datalist;
			const items = Array.isArray(rows) ? rows : [];
			return { items, hasMore: items.length >= pageSize };
		},
	},
});
