'use strict';
// The sandbox: one HTTP server on 127.0.0.1 that fakes each platform's API under its own prefix
// (`/osvi/...`), serves presigned files, and offers control routes under `/_sandbox/` so that tests
// in another process (a real n8n) can read what the nodes sent.
const { Router, readBody, reply, send, http } = require('./http');
const { BEFORE_WORK, FaultPlan } = require('./faults');
const { OpenAiFake } = require('./openai');
const { KlenFake, KLEN_KEY, SIGNING_SECRET: KLEN_SIGNING_SECRET } = require('./klen');
const { OsviFake, DEFAULT_TOKEN: OSVI_TOKEN, silentWav } = require('./osvi');
const { UnleashXFake, UNLEASHX_TOKEN } = require('./unleashx');
const { VoiceOsFake, VOICEOS_TOKEN } = require('./voiceos');

const SECRET_HEADERS = ['api-token', 'authorization', 'token', 'x-api-key'];

/**
 * @param {object} [options]
 * @param {number} [options.port] 0 for any free port
 * @param {number} [options.callDurationMs]
 * @param {'current'|'legacy'} [options.webhookShape]
 */
async function startSandbox(options = {}) {
	const requests = [];
	let faults = new FaultPlan(options.faults);
	let baseUrl = '';
	const osvi = new OsviFake({
		baseUrl: () => baseUrl,
		callDurationMs: options.callDurationMs,
		webhookShape: options.webhookShape,
	});
	const klen = new KlenFake({ callDurationMs: options.callDurationMs });
	const voiceos = new VoiceOsFake({ baseUrl: () => baseUrl, callDurationMs: options.callDurationMs });
	const unleashx = new UnleashXFake({ callDurationMs: options.callDurationMs });
	const openai = new OpenAiFake();
	const platforms = Object.fromEntries(
		Object.entries({ osvi, klen, voiceos, unleashx, openai }).map(([name, fake]) => [name, { fake, router: fake.router() }]),
	);
	const resetAll = () => {
		for (const { fake } of Object.values(platforms)) fake.reset();
	};

	const control = new Router()
		.on('GET', '/_sandbox/requests', () => reply(200, requests))
		.on('POST', '/_sandbox/faults', ({ body }) => {
			faults = new FaultPlan(body);
			return reply(200, faults.plan);
		})
		.on('POST', '/_sandbox/reset', () => {
			requests.length = 0;
			resetAll();
			faults = new FaultPlan();
			return reply(200, { reset: true });
		})
		.on('POST', '/_sandbox/osvi/config', ({ body }) => {
			if (body.callDurationMs !== undefined) osvi.callDurationMs = Number(body.callDurationMs);
			if (body.webhookShape !== undefined) osvi.webhookShape = body.webhookShape;
			if (body.webhookHeaders !== undefined) osvi.webhookHeaders = body.webhookHeaders;
			if (body.visibilityDelayMs !== undefined) osvi.visibilityDelayMs = Number(body.visibilityDelayMs);
			if (body.analysisDelayMs !== undefined) osvi.analysisDelayMs = Number(body.analysisDelayMs);
			return reply(200, { callDurationMs: osvi.callDurationMs, webhookShape: osvi.webhookShape });
		})
		.on('POST', '/_sandbox/osvi/seed-calls', ({ body }) => {
			osvi.seedCalls(Number(body.count ?? 0));
			return reply(200, { calls: osvi.calls.length });
		})
		.on('GET', '/_sandbox/osvi/calls', () => reply(200, osvi.calls))
		.on('POST', '/_sandbox/openai/scenario', ({ body }) => {
			openai.toolArguments = body.toolArguments ?? {};
			openai.toolNameContains = body.toolNameContains ?? '';
			return reply(200, { ok: true });
		})
		.on('POST', '/_sandbox/unleashx/agents/:id', ({ params, body }) => reply(200, unleashx.configureAgent(params.id, body) ?? {}))
		.on('GET', '/_sandbox/:platform/deliveries', ({ params }) => {
			const fake = platforms[params.platform]?.fake;
			return reply(200, fake ? (fake.deliveries ?? fake.webhookDeliveries) : []);
		})
		.on('GET', '/_sandbox/osvi/webhooks', () => reply(200, osvi.webhookDeliveries))
		.on('GET', '/_files/voiceos/:file', ({ params }) => {
			const found = voiceos.conversations.some((conversation) => `${conversation.id}.wav` === params.file);
			return found ? reply(200, silentWav(), { 'content-type': 'audio/wav' }) : reply(404, { error: 'expired or unknown' });
		})
		.on('GET', '/_files/recordings/:file', ({ params }) => {
			const call = osvi.findCall(params.file.replace(/\.wav$/, ''));
			return call ? reply(200, silentWav(), { 'content-type': 'audio/wav' }) : reply(404, { error: 'expired or unknown' });
		});

	async function handle(request, entry) {
		const url = new URL(request.url, 'http://sandbox');
		const raw = await readBody(request);
		let body;
		if (raw.length > 0) {
			try {
				body = JSON.parse(raw.toString('utf8'));
			} catch {
				body = Symbol.for('invalid-json');
			}
		}
		const query = Object.fromEntries(url.searchParams);
		const [, prefix, ...rest] = url.pathname.split('/');
		const platform = platforms[prefix];
		if (!platform) {
			const matched = control.match(request.method, url.pathname);
			return matched ? matched.handler({ body: body ?? {}, query, params: matched.params }) : reply(404, { error: 'no such sandbox route' });
		}
		const path = `/${rest.join('/')}`;
		const headers = { ...request.headers };
		const authenticated = platform.fake.authorise(headers);
		for (const name of SECRET_HEADERS) if (name in headers) headers[name] = '[present]';
		Object.assign(entry, { platform: prefix, method: request.method, path, query, headers, body, authenticated });
		requests.push(entry);
		if (!authenticated) {
			return platform.fake.unauthorised
				? platform.fake.unauthorised(request.headers)
				: reply(401, { success: false, error: 'Invalid or missing API-Token', details: null });
		}
		if (body === Symbol.for('invalid-json')) return reply(400, { success: false, error: 'invalid_json', message: 'Invalid JSON body', details: null });
		const matched = platform.router.match(request.method, path);
		if (!matched) return reply(404, { success: false, error: 'Not found', details: null });
		return matched.handler({ body, query, params: matched.params });
	}

	const isPlatformRequest = (request) => Object.keys(platforms).some((prefix) => request.url.startsWith(`/${prefix}/`));

	/** Applies the fault plan around the real handling; the log says what happened and whether the server acted. */
	const load = { inFlight: 0, maxInFlight: 0 };

	async function serve(request, response) {
		if (!isPlatformRequest(request)) return await serveOne(request, response);
		load.inFlight += 1;
		load.maxInFlight = Math.max(load.maxInFlight, load.inFlight);
		try {
			return await serveOne(request, response);
		} finally {
			load.inFlight -= 1;
		}
	}

	async function serveOne(request, response) {
		const entry = { at: Date.now(), fault: 'none', acted: true };
		const fault = isPlatformRequest(request) ? faults.next() : 'none';
		if (isPlatformRequest(request) && faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, faults.latencyMs));
		if (BEFORE_WORK.has(fault)) {
			Object.assign(entry, { fault, acted: false, method: request.method, path: request.url.split('?')[0].replace(/^\/[^/]+/, ''), platform: request.url.split('/')[1] });
			requests.push(entry);
			if (fault === 'resetBeforeRead') return request.socket.destroy();
			const raw = (await readBody(request)).toString('utf8');
			try {
				entry.body = raw ? JSON.parse(raw) : undefined;
			} catch {
				entry.body = raw;
			}
			if (fault === 'rate429') {
				return send(response, reply(429, { success: false, error: 'Too many requests', details: null }, { 'retry-after': String(faults.plan.retryAfterSeconds) }));
			}
			return send(response, reply(503, { success: false, error: 'Service unavailable', details: null }));
		}
		const result = await handle(request, entry);
		entry.fault = fault;
		entry.status = result.status;
		entry.acted = result.status < 400;
		if (fault === 'rate500') return send(response, reply(500, { success: false, error: 'Internal server error', details: null }));
		if (fault === 'resetAfterRead') return request.socket.destroy();
		if (fault === 'malformedJson') {
			response.writeHead(200, { 'content-type': 'application/json' });
			return response.end('{"success": true, "data": {"call_');
		}
		if (fault === 'slowBody') {
			const text = JSON.stringify(result.body);
			response.writeHead(result.status, { 'content-type': 'application/json', ...result.headers });
			const half = Math.floor(text.length / 2);
			response.write(text.slice(0, half));
			await new Promise((resolve) => setTimeout(resolve, faults.plan.slowBodyMs));
			return response.end(text.slice(half));
		}
		return send(response, result);
	}

	const server = http.createServer((request, response) => {
		serve(request, response).catch((error) => {
			if (!response.headersSent) send(response, reply(500, { success: false, error: String(error), details: null }));
		});
	});
	await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${server.address().port}`;

	return {
		url: baseUrl,
		osvi,
		osviUrl: `${baseUrl}/osvi`,
		osviToken: OSVI_TOKEN,
		klen,
		klenUrl: `${baseUrl}/klen/api/v1`,
		klenKey: KLEN_KEY,
		klenSigningSecret: KLEN_SIGNING_SECRET,
		voiceos,
		voiceosUrl: `${baseUrl}/voiceos`,
		voiceosToken: VOICEOS_TOKEN,
		unleashx,
		unleashxUrl: `${baseUrl}/unleashx`,
		unleashxToken: UNLEASHX_TOKEN,
		/** A stand-in for a chat model, for running the nodes as AI Agent tools. */
		openai,
		openaiUrl: `${baseUrl}/openai/v1`,
		requests,
		/** Requests of one platform, optionally of one method and path. */
		received(platform, method, path) {
			return requests.filter(
				(entry) => entry.platform === platform && (!method || entry.method === method) && (!path || entry.path === path),
			);
		},
		/** How many platform requests were being served at once, at most, since the last reset. */
		get maxInFlight() {
			return load.maxInFlight;
		},
		reset() {
			requests.length = 0;
			load.maxInFlight = 0;
			resetAll();
			faults = new FaultPlan();
		},
		/** Replaces the fault plan (see faults.js); `{}` turns faults off. */
		setFaults(plan) {
			faults = new FaultPlan(plan);
		},
		async close() {
			resetAll();
			server.closeAllConnections?.();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

module.exports = { startSandbox, OSVI_TOKEN };
