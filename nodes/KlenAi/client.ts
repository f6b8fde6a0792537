import type { IDataObject } from 'n8n-workflow';

import { KLEN_AI_BASE_URL } from '../../credentials/KlenAiApi.credentials';
import { PlatformClient } from '../shared/transport/client';
import type { ErrorText } from '../shared/transport/client';
import type { ApiContext } from '../shared/transport/http';

interface KlenError {
	error?: string;
	message?: string;
	[key: string]: unknown;
}

function firstNumber(body: KlenError, keys: string[]): number | undefined {
	for (const key of keys) {
		const value = Number(body[key]);
		if (body[key] !== undefined && Number.isFinite(value)) return value;
	}
	return undefined;
}

/** Every documented error code, as a message a user can act on. */
export function klenErrorText(statusCode: number, body: unknown): ErrorText {
	const error = (body && typeof body === 'object' ? body : {}) as KlenError;
	const server = typeof error.message === 'string' && error.message !== '' ? error.message : `HTTP ${statusCode}`;
	switch (error.error) {
		case 'insufficient_funds': {
			// The fields that carry balance and rate are not documented: the usual names are tried.
			const balance = firstNumber(error, ['balance', 'current_balance', 'wallet_balance']);
			const rate = firstNumber(error, ['rate', 'required_rate', 'rate_per_minute', 'required']);
			const known = [balance !== undefined ? `balance ${balance}` : '', rate !== undefined ? `rate ${rate}` : '']
				.filter(Boolean)
				.join(', ');
			return {
				message: `Klen AI: insufficient funds to make the call${known ? ` (${known})` : ''}`,
				description: 'Top up the Klen AI wallet, then run again. The call was not placed.',
			};
		}
		case 'do_not_call':
			return {
				message: "Klen AI: the number is on the account's Do Not Call list",
				description: 'Klen AI refuses to call numbers on the Do Not Call list; the call was not placed.',
			};
		case 'no_phone_number':
			return {
				message: 'Klen AI: the agent has no phone number assigned',
				description: 'Give the agent a number in Klen AI, or pick an agent that can make calls (the list only shows those).',
			};
		case 'agent_not_found':
			return { message: 'Klen AI: agent not found', description: 'Check the agent: it must exist and be visible to this API key.' };
		case 'permission_denied':
			return {
				message: "Klen AI: the API key doesn't have the permission for this",
				description: 'Give the key the permission in Klen AI: can_initiate_calls to place calls, can_read_calls to read them, can_read_agents to list agents.',
			};
		case 'authentication_required':
		case 'invalid_key':
			return { message: `Klen AI: ${server}`, description: 'Check the API key in the Klen AI credential (it starts with "klen_").' };
		case 'invalid_phone_number':
			return { message: `Klen AI: ${server}`, description: 'Give the number in E.164 form, e.g. +15551234567.' };
		case 'rate_limit_exceeded':
			return {
				message: `Klen AI: ${server}`,
				description: 'The key is over its limits (60 requests a minute and 100 calls a day by default). Try later or raise the limits in Klen AI.',
			};
		case 'server_error':
			return { message: `Klen AI: ${server}`, description: 'Klen AI had an unexpected error. Try again later.' };
		default:
			return { message: `Klen AI: ${server}`, description: error.error ? `Error code: ${error.error}` : undefined };
	}
}

export const klen = new PlatformClient({
	name: 'Klen AI',
	credentialType: 'klenAiApi',
	defaultBaseUrl: KLEN_AI_BASE_URL,
	describeError: klenErrorText,
	// Lists take `page`/`limit` and answer with `page` and `pages`.
	paging: {
		maxPageSize: 100,
		query: (page, pageSize) => ({ page, limit: pageSize }),
		read: (body, page) => {
			const { calls, page: current, pages } = (body ?? {}) as { calls?: IDataObject[]; page?: number; pages?: number };
			return { items: Array.isArray(calls) ? calls : [], hasMore: Number(current ?? page) < Number(pages ?? 0) };
		},
	},
});

/**
 * Webhook registration lives outside the versioned API: `<origin>/api/webhooks/create/`,
 * with its trailing slash. It is derived from the Base URL (`…/api/v1` → `…/api/webhooks/create/`).
 */
export async function klenRegisterWebhook(context: ApiContext, body: IDataObject): Promise<IDataObject> {
	const base = (await klen.baseUrl(context)).trim().replace(/\/+$/, '').replace(/\/v1$/, '');
	return (await klen.requestUrl<IDataObject | undefined>(context, 'POST', `${base}/webhooks/create/`, { body })) ?? {};
}
