import type { IDataObject, IHttpRequestMethods, NodeApiError } from 'n8n-workflow';

import type { Item } from '../execution/operation';
import { DEFAULT_REQUEST_SETTINGS } from '../execution/requestSettings';
import { actionKey, forget, recall, remember } from '../execution/ledger';
import { httpError, isUncertainOutcome, joinUrl, runCredentials, sendApiRequest, uncertainOutcomeError } from './http';
import type { ApiCall, ApiContext, ApiResponse } from './http';
import { isRead } from './retry';
import { credentialSecrets, scrubText, scrubValue } from './scrub';
import { collectPages } from './paging';
import type { Page } from './paging';

/** An HTTP failure in the platform's own words, with a hint the user can act on. */
export interface ErrorText {
	message: string;
	description?: string;
}

/** How a platform pages its lists. */
export interface PagingStyle {
	/** The largest page the API serves. */
	maxPageSize: number;
	/** The query values that ask for page `page` (counted from 1) of `pageSize` items. */
	query(page: number, pageSize: number): IDataObject;
	/** The items of one answer, and whether the API says another page follows. */
	read(body: unknown, page: number, pageSize: number): Page<IDataObject>;
}

/** Everything that differs between platforms' HTTP APIs; the rest is the same for all. */
export interface PlatformConfig {
	/** How messages name the platform ("OSVI: …"). */
	name: string;
	credentialType: string;
	/** The credential's Base URL default, for a credential saved without one. */
	defaultBaseUrl: string;
	/** Put before every API path (UnleashX: `/api/v1/global`). */
	pathPrefix?: string;
	/** The platform's error envelope as a message and a hint. */
	describeError(statusCode: number, body: unknown): ErrorText;
	/** An answer with a 2xx status that still says it failed (UnleashX: `error: true`). */
	failsDespiteStatus?(body: unknown): boolean;
	paging?: PagingStyle;
	/** What callers want of a 2xx body (OSVI: `data` of its `{success, data}` envelope). */
	unwrap?(body: unknown): unknown;
}

export interface RequestOptions {
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/** The item the request is made for: it names the item in errors and brings its retry settings. */
	item?: Item;
	/** Answer `undefined` for a 404 instead of failing (a resource that may not be visible yet). */
	notFoundAsUndefined?: boolean;
	/** What a 404 means for this request, where it means more than an unknown ID. */
	notFoundHint?: string;
}

export interface ListOptions {
	item?: Item;
	/** Items per page (default: the largest the API serves, or the limit when smaller). */
	pageSize?: number;
	/** Stop after the page that holds an item this accepts (a search through a list). */
	stopWhen?: (entry: IDataObject) => boolean;
	/** Pages to read at the most. */
	maxPages?: number;
}

/**
 * Reads the server's message with `serverMessage` and adds the hint for the status, the way most
 * platforms' errors read: "OSVI: <server's words>" or "OSVI answered with HTTP 418".
 */
export function describeByStatus(
	name: string,
	serverMessage: (body: unknown) => string | undefined,
	hints: Record<number, string>,
): PlatformConfig['describeError'] {
	return (statusCode, body) => {
		const server = serverMessage(body);
		return {
			message: server ? `${name}: ${server}` : `${name} answered with HTTP ${statusCode}`,
			description: hints[statusCode] ?? (statusCode >= 500 ? `${name} had an internal error. Try again later.` : undefined),
		};
	};
}

/** One platform's API: requests with its credential and error envelope, and its paging. */
export class PlatformClient {
	constructor(readonly config: PlatformConfig) {}

	get credentialType(): string {
		return this.config.credentialType;
	}

	async baseUrl(context: ApiContext): Promise<string> {
		const { baseUrl } = await runCredentials<{ baseUrl?: string }>(context, this.config.credentialType);
		return baseUrl || this.config.defaultBaseUrl;
	}

	/**
	 * The error for an HTTP failure, from plain values only (never from the request). The answer is
	 * scrubbed of the credential's values first: an API may echo the request's headers in its error.
	 */
	async httpError(context: ApiContext, response: ApiResponse, itemIndex?: number, notFoundHint?: string) {
		const secrets = credentialSecrets(await runCredentials(context, this.config.credentialType));
		const { message, description } = this.config.describeError(response.statusCode, scrubValue(response.body, secrets));
		const hint = response.statusCode === 404 && notFoundHint ? notFoundHint : description;
		return httpError(context.getNode(), response, scrubText(message, secrets), hint && scrubText(hint, secrets), itemIndex);
	}

	/** One exchange with the API (retried as the policy allows); the parsed 2xx body. */
	private async exchange<T>(
		context: ApiContext,
		call: ApiCall,
		{ item, notFoundAsUndefined, notFoundHint }: RequestOptions,
	): Promise<T> {
		const settings = item?.settings ?? DEFAULT_REQUEST_SETTINGS;
		const response = await sendApiRequest(context, this.config.credentialType, call, settings, item?.index);
		const ok = response.statusCode >= 200 && response.statusCode < 300;
		if (ok && !this.config.failsDespiteStatus?.(response.body)) return response.body as T;
		if (response.statusCode === 404 && notFoundAsUndefined) return undefined as T;
		throw await this.httpError(context, response, item?.index, notFoundHint);
	}

	/**
	 * A request to an absolute URL (an endpoint outside the versioned API); the parsed 2xx body.
	 * A request that acts (anything but GET) for an item goes through the ledger: on a later try of
	 * the node (Retry On Fail) it is not sent again (see execution/ledger.ts).
	 */
	async requestUrl<T = IDataObject>(
		context: ApiContext,
		method: IHttpRequestMethods,
		url: string,
		options: RequestOptions = {},
	): Promise<T> {
		const call: ApiCall = { method, url, body: options.body, qs: options.qs };
		const key = options.item && !isRead(method) ? actionKey(context, options.item.index, call) : undefined;
		if (key === undefined) return await this.exchange<T>(context, call, options);

		const seen = recall(key);
		if (seen?.state === 'done') return structuredClone(seen.answer) as T;
		if (seen) {
			const reason = seen.state === 'unknown' ? seen.reason : 'An earlier try stopped while the request was under way';
			const at = new Date(seen.at).toISOString();
			throw uncertainOutcomeError(context.getNode(), url, reason, options.item?.index, { at, repeated: true });
		}
		remember(key, { state: 'sending', at: Date.now() });
		// `exchange` throws only NodeApiErrors (the transport's and the platform's own).
		const outcome = await this.exchange<T>(context, call, options).then(
			(answer) => ({ answer, failure: undefined }),
			(failure: NodeApiError) => ({ answer: undefined, failure }),
		);
		if (outcome.failure === undefined) {
			remember(key, { state: 'done', at: Date.now(), answer: structuredClone(outcome.answer) });
			return outcome.answer as T;
		}
		if (isUncertainOutcome(outcome.failure)) {
			const { reason } = outcome.failure.context.itemOutput as { reason: string };
			remember(key, { state: 'unknown', at: Date.now(), reason });
		} else {
			forget(key); // surely not carried out: a later try may send it
		}
		throw outcome.failure;
	}

	/**
	 * Records the answer of an acting request whose outcome was unknown and has since been found
	 * out (e.g. the call was found in the platform's call list), so later tries return it.
	 */
	async recordOutcome(context: ApiContext, item: Item, method: IHttpRequestMethods, path: string, body: IDataObject, answer: unknown) {
		const key = actionKey(context, item.index, { method, url: await this.urlOf(context, path), body });
		if (key) remember(key, { state: 'done', at: Date.now(), answer: structuredClone(answer) });
	}

	/** Whether an earlier try of this node already carried out this item's request (see the ledger). */
	async carriedOutBefore(context: ApiContext, item: Item, method: IHttpRequestMethods, path: string, body: IDataObject) {
		const key = actionKey(context, item.index, { method, url: await this.urlOf(context, path), body });
		return key !== undefined && recall(key)?.state === 'done';
	}

	private async urlOf(context: ApiContext, path: string): Promise<string> {
		return joinUrl(await this.baseUrl(context), `${this.config.pathPrefix ?? ''}${path}`);
	}

	/** A request to `path` under the credential's Base URL; the parsed body of a 2xx answer. */
	async request<T = IDataObject>(
		context: ApiContext,
		method: IHttpRequestMethods,
		path: string,
		options: RequestOptions = {},
	): Promise<T> {
		return await this.requestUrl<T>(context, method, await this.urlOf(context, path), options);
	}

	/** `request`, answering what the platform's envelope wraps (see `unwrap`). */
	async data<T = IDataObject>(
		context: ApiContext,
		method: IHttpRequestMethods,
		path: string,
		options: RequestOptions = {},
	): Promise<T> {
		const body = await this.request<unknown>(context, method, path, options);
		return (this.config.unwrap ? this.config.unwrap(body) : body) as T;
	}

	/** Every page of a list (or only as many as `limit` needs), with the platform's paging. */
	async listAll(
		context: ApiContext,
		path: string,
		qs: IDataObject,
		limit: number | undefined,
		{ item, pageSize, stopWhen, maxPages = Number.POSITIVE_INFINITY }: ListOptions = {},
	): Promise<IDataObject[]> {
		const paging = this.config.paging;
		if (!paging) throw new Error(`${this.config.name} lists are not paged`);
		// The page size stays the same on every page: page numbers count in units of it.
		const size = pageSize ?? (limit === undefined ? paging.maxPageSize : Math.min(paging.maxPageSize, Math.max(1, limit)));
		return await collectPages(async (page) => {
			const body = await this.request<unknown>(context, 'GET', path, { qs: { ...qs, ...paging.query(page, size) }, item });
			const { items, hasMore } = paging.read(body, page, size);
			const found = stopWhen !== undefined && items.some(stopWhen);
			return { items, hasMore: hasMore && !found && page < maxPages };
		}, limit);
	}
}
