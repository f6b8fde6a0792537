'use strict';
// The sandbox's one HTTP server on 127.0.0.1: each fake answers under its own prefix (`/osvi/...`),
// every request to a fake is logged (secrets masked) and may meet the fault plan, and control
// routes under `/_sandbox/` let tests in another process (a real n8n) read what the nodes sent.
// It knows no platform: each fake gives its own answers (errors, control routes) in its own format.
const { BEFORE_WORK, FaultPlan } = require('./faults');
const { Router, readBody, reply, send, http } = require('./http');

const INVALID_JSON = Symbol.for('invalid-json');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function parseJson(raw) {
	if (raw.length === 0) return undefined;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return INVALID_JSON;
	}
}

/** Two halves of an answer's JSON: sent apart (a slow body), or only the first (a malformed one). */
function halves(body) {
	const text = JSON.stringify(body ?? {});
	const half = Math.max(1, Math.floor(text.length / 2));
	return [text.slice(0, half), text.slice(half)];
}

class SandboxServer {
	/**
	 * @param {Record<string, object>} fakes the fakes by URL prefix
	 * @param {object} [faults] the first fault plan (see faults.js)
	 */
	constructor(fakes, faults) {
		this.fakes = Object.fromEntries(Object.entries(fakes).map(([name, fake]) => [name, { fake, router: fake.router() }]));
		// Any fake's credential header is masked in every entry, also when it was sent to another fake.
		this.secretHeaders = [...new Set(Object.values(fakes).flatMap((fake) => fake.secretHeaders))];
		this.requests = [];
		this.faults = new FaultPlan(faults);
		/**
		 * How many platform requests are being served at once, and the most since the last reset; and
		 * the connections opened since then (a client that reuses connections opens few).
		 */
		this.load = { inFlight: 0, maxInFlight: 0, connections: 0 };
		this.control = this.controlRoutes();
		this.server = http.createServer((request, response) => {
			this.serve(request, response).catch((error) => {
				if (response.headersSent) return;
				const fake = this.fakeOf(request)?.fake;
				send(response, fake ? fake.failure(500, String(error)) : reply(500, { error: String(error) }));
			});
		});
		this.server.on('connection', () => (this.load.connections += 1));
	}

	controlRoutes() {
		const router = new Router()
			.on('GET', '/_sandbox/requests', () => reply(200, this.requests))
			.on('GET', '/_sandbox/load', () => reply(200, { ...this.load, requests: this.requests.length }))
			.on('POST', '/_sandbox/faults', ({ body }) => {
				this.setFaults(body);
				return reply(200, this.faults.plan);
			})
			.on('POST', '/_sandbox/reset', () => {
				this.reset();
				return reply(200, { reset: true });
			});
		// A fake's own routes first, so that they win over the generic ones below.
		for (const { fake } of Object.values(this.fakes)) fake.controlRoutes(router);
		return router
			.on('GET', '/_sandbox/:platform/deliveries', ({ params }) => reply(200, this.fakes[params.platform]?.fake.deliveries ?? []))
			.on('POST', '/_sandbox/:platform/calls/:id/end', ({ params }) => reply(200, { ended: this.fakes[params.platform]?.fake.endCall(params.id) ?? false }))
			// A delivery made again (a duplicate), or for VoiceOS any event (`{ "event": … }`).
			.on('POST', '/_sandbox/:platform/calls/:id/redeliver', async ({ params, body }) => {
				const fake = this.fakes[params.platform]?.fake;
				return reply(200, { delivered: (await fake?.redeliver?.(params.id, body ?? {})) ?? false });
			});
	}

	async listen(port = 0) {
		await new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
		return `http://127.0.0.1:${this.server.address().port}`;
	}

	/** Replaces the fault plan (see faults.js); `{}` turns faults off. */
	setFaults(plan) {
		this.faults = new FaultPlan(plan);
	}

	reset() {
		this.requests.length = 0;
		this.load.maxInFlight = 0;
		this.load.connections = 0;
		for (const { fake } of Object.values(this.fakes)) fake.reset();
		this.setFaults({});
	}

	async close() {
		for (const { fake } of Object.values(this.fakes)) fake.reset();
		this.server.closeAllConnections?.();
		await new Promise((resolve) => this.server.close(resolve));
	}

	/** The fake a request is for, by its first path segment; undefined for control routes. */
	fakeOf(request) {
		const [, prefix] = request.url.split(/[/?]/);
		return Object.hasOwn(this.fakes, prefix) && request.url.startsWith(`/${prefix}/`) ? this.fakes[prefix] : undefined;
	}

	async serve(request, response) {
		const platform = this.fakeOf(request);
		if (!platform) return send(response, await this.handleControl(request));
		this.load.inFlight += 1;
		this.load.maxInFlight = Math.max(this.load.maxInFlight, this.load.inFlight);
		try {
			return await this.serveFake(platform.fake, platform.router, request, response);
		} finally {
			this.load.inFlight -= 1;
		}
	}

	async handleControl(request) {
		const url = new URL(request.url, 'http://sandbox');
		const body = parseJson(await readBody(request));
		const matched = this.control.match(request.method, url.pathname);
		if (!matched) return reply(404, { error: 'no such sandbox route' });
		return matched.handler({ body: body === undefined || body === INVALID_JSON ? {} : body, query: Object.fromEntries(url.searchParams), params: matched.params });
	}

	/** Applies the fault plan around the real handling; the log says what happened and whether the server acted. */
	async serveFake(fake, router, request, response) {
		const entry = { at: Date.now(), fault: 'none', acted: true };
		const ownPath = new URL(request.url, 'http://sandbox').pathname.replace(/^\/[^/]+/, '');
		const fault = this.faults.next(request.method, ownPath);
		if (BEFORE_WORK.has(fault)) {
			if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
			return await this.refuse(fake, fault, entry, request, response);
		}
		// The work is done at once; the latency delays the answer (a slow answer to a request that acted).
		const result = await this.handle(fake, router, request, entry);
		if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
		Object.assign(entry, { fault, status: result.status, acted: result.status < 400 });
		if (fault === 'rate500') return send(response, fake.failure(500, 'Internal server error'));
		if (fault === 'resetAfterRead') return request.socket.destroy();
		if (fault === 'malformedJson') {
			response.writeHead(200, { 'content-type': 'application/json' });
			return response.end(halves(result.body)[0]);
		}
		if (fault === 'slowBody') {
			const [first, second] = halves(result.body);
			response.writeHead(result.status, { 'content-type': 'application/json', ...result.headers });
			response.write(first);
			await sleep(this.faults.plan.slowBodyMs);
			return response.end(second);
		}
		return send(response, result);
	}

	/** A fault decided before any work: logged with the body as sent, then the request is dropped or refused. */
	async refuse(fake, fault, entry, request, response) {
		const [, platform] = request.url.split('/');
		Object.assign(entry, { fault, acted: false, method: request.method, path: request.url.split('?')[0].replace(/^\/[^/]+/, ''), platform });
		this.requests.push(entry);
		// The body is logged even for a reset: the log says what was sent; the server did nothing with it.
		const raw = (await readBody(request)).toString('utf8');
		try {
			entry.body = raw ? JSON.parse(raw) : undefined;
		} catch {
			entry.body = raw;
		}
		if (fault === 'resetBeforeRead') return request.socket.destroy();
		if (fault === 'echoHeaders') {
			const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
			return send(response, fake.failure(400, `Bad request. Headers received: ${JSON.stringify(headers)} (${new URLSearchParams(headers)})`));
		}
		if (fault === 'rate429') {
			const limited = fake.failure(429, 'Too many requests');
			return send(response, { ...limited, headers: { ...limited.headers, 'retry-after': String(this.faults.plan.retryAfterSeconds) } });
		}
		return send(response, fake.failure(503, 'Service unavailable'));
	}

	/** The fake's answer: its credential check, then its JSON check, then its route (or its 404). */
	async handle(fake, router, request, entry) {
		const url = new URL(request.url, 'http://sandbox');
		const body = parseJson(await readBody(request));
		const query = Object.fromEntries(url.searchParams);
		const [, platform, ...rest] = url.pathname.split('/');
		const path = `/${rest.join('/')}`;
		const headers = { ...request.headers };
		const authenticated = fake.authorise(headers);
		for (const name of this.secretHeaders) if (name in headers) headers[name] = '[present]';
		Object.assign(entry, { platform, method: request.method, path, query, headers, body, authenticated });
		this.requests.push(entry);
		if (!authenticated) return fake.unauthorised(request.headers);
		if (body === INVALID_JSON) return fake.invalidJson();
		const matched = router.match(request.method, path);
		if (!matched) return fake.notFound();
		return matched.handler({ body, query, params: matched.params });
	}
}

module.exports = { SandboxServer };
