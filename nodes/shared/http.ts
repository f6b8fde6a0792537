import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	JsonObject,
} from 'n8n-workflow';

/** The n8n contexts that may call an API: node execution, list searches, trigger lifecycle. */
export type ApiContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export interface ApiCall {
	method: IHttpRequestMethods;
	/** Absolute URL: the platform transport joins its base URL and the path. */
	url: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
}

export interface ApiResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** Joins a base URL from a credential (with or without a trailing slash) and a path. */
export function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.trim().replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return url;
	}
}

/**
 * Sends one authenticated request and hands back status, headers and body whatever the status,
 * so each platform maps its own error envelope. HTTP errors are not thrown here on purpose:
 * n8n-core re-sends a request after a 401 when a credential can refresh, and a call must never
 * be placed twice. A failure to reach the server becomes an error that carries no request details
 * (the request holds the API token in its headers).
 */
export async function sendApiRequest(
	context: ApiContext,
	credentialType: string,
	call: ApiCall,
	itemIndex?: number,
): Promise<ApiResponse> {
	const options: IHttpRequestOptions = {
		method: call.method,
		url: call.url,
		qs: call.qs,
		body: call.body,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			options,
		)) as { statusCode: number; headers: ApiResponse['headers']; body: unknown };
		return { statusCode: response.statusCode, headers: response.headers ?? {}, body: response.body };
	} catch (error) {
		throw unreachableError(context.getNode(), call.url, error, itemIndex);
	}
}

function networkCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function unreachableError(node: INode, url: string, error: unknown, itemIndex?: number) {
	const code = networkCode(error) ?? 'network error';
	const host = hostOf(url);
	// The code stays out of the message: n8n would replace a message naming ECONNREFUSED with a generic one.
	return new NodeApiError(node, { message: `Could not reach ${host}` } as JsonObject, {
		message: `Could not reach ${host}`,
		description: `${code}: the request got no answer. Check the Base URL in the credential and that the service is reachable from n8n.`,
		itemIndex,
	});
}

/** Builds the error for an HTTP failure from plain values only, never from the request. */
export function httpError(
	node: INode,
	response: ApiResponse,
	message: string,
	description: string | undefined,
	itemIndex?: number,
): NodeApiError {
	const status = String(response.statusCode);
	return new NodeApiError(node, { message, httpCode: status } as JsonObject, {
		message,
		description,
		httpCode: status,
		itemIndex,
	});
}
