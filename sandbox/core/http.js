'use strict';
// The sandbox's small HTTP layer: a router with path parameters, request bodies, JSON answers, and
// the POST a fake makes to deliver a webhook.
const http = require('node:http');

class Router {
	constructor() {
		this.routes = [];
	}

	/** `path` like `/v1/call/:id/transcript`. */
	on(method, path, handler) {
		const names = [];
		const pattern = path.replace(/:([A-Za-z_]+)/g, (_, name) => {
			names.push(name);
			return '([^/]+)';
		});
		this.routes.push({ method, regex: new RegExp(`^${pattern}$`), names, handler });
		return this;
	}

	match(method, pathname) {
		for (const route of this.routes) {
			if (route.method !== method) continue;
			const found = route.regex.exec(pathname);
			if (!found) continue;
			const params = {};
			route.names.forEach((name, index) => {
				params[name] = decodeURIComponent(found[index + 1]);
			});
			return { handler: route.handler, params };
		}
		return undefined;
	}
}

function readBody(request) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		request.on('data', (chunk) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

/** A reply: status, JSON (or raw) body, headers. */
function reply(status, body, headers = {}) {
	return { status, body, headers };
}

function send(response, { status, body, headers }) {
	if (Buffer.isBuffer(body)) {
		response.writeHead(status, { 'content-length': body.length, ...headers });
		response.end(body);
		return;
	}
	const text = body === undefined ? '' : JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	response.end(text);
}

/**
 * POSTs JSON to a URL (the post-call webhook); resolves with the status and the answer's text, or
 * the error text. `timeoutMs`: how long the platform waits for the answer (10 s unless the sandbox
 * was started with `webhookTimeoutMs`).
 */
async function postJson(url, body, headers = {}, timeoutMs = 10_000) {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(timeoutMs),
		});
		const answer = await response.text();
		return { status: response.status, answer: answer.slice(0, 500) };
	} catch (error) {
		return { error: String(error && error.message ? error.message : error) };
	}
}

module.exports = { Router, readBody, reply, send, postJson, http };
