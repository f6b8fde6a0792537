import type { IDataObject } from 'n8n-workflow';

import { VOICEOS_BASE_URL } from '../../credentials/VoiceOsApi.credentials';
import { describeByStatus, PlatformClient } from '../shared/transport/client';

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

export const voiceOs = new PlatformClient({
	name: 'VoiceOS',
	credentialType: 'voiceOsApi',
	defaultBaseUrl: VOICEOS_BASE_URL,
	describeError: describeByStatus('VoiceOS', voiceOsErrorMessage, {
		401: 'Check the API token in the VoiceOS credential.',
		403: 'The token may not access this resource.',
		404: 'VoiceOS does not know this resource: check the ID (and that the From number belongs to the account).',
		422: "VoiceOS did not accept the request; the message above is VoiceOS's own.",
	}),
	// Lists take `index` (from 1) and `limit`, and answer `{items, index, has_more}`.
	paging: {
		maxPageSize: 100,
		query: (index, pageSize) => ({ index, limit: pageSize }),
		read: (body) => {
			const { items, has_more } = (body ?? {}) as { items?: IDataObject[]; has_more?: boolean };
			return { items: Array.isArray(items) ? items : [], hasMore: has_more === true };
		},
	},
});
