'use strict';
// A fake of Klen AI's API as described in docs/api/klen.md: Bearer (or X-API-Key) keys, no
// envelope, `{error, message}` errors with the documented codes, paging with count/page/limit/pages,
// the wallet (402 with balance and rate), the Do Not Call list, per-key limits with Retry-After,
// and signed webhook deliveries (HMAC-SHA256 of the raw body, hex: the assumed scheme).
const crypto = require('node:crypto');

const { PlatformFake } = require('../../core/fake');
const { Router, reply } = require('../../core/http');
const { callRoutes, callRow, fail } = require('./calls');

const KLEN_KEY = 'klen_sandbox_0123456789abcdef';
const SIGNING_SECRET = 'whsec_klen_sandbox_signing';
/** The documented code of a status the server answers on its own (limits, outages, unknown paths). */
const CODES = { 400: 'invalid_json', 404: 'not_found', 429: 'rate_limit_exceeded' };

class KlenFake extends PlatformFake {
	constructor(options = {}) {
		super(options);
		this.reset();
	}

	reset() {
		super.reset();
		this.agents = [
			{ id: 11, assistant_id: 'asst_sales_01', name: 'Sales Caller', role: 'outbound agent', phone_number: '+15550001111', minutes_used: 12, total_calls: 30, model: 'gpt-4o', voice_id: 'v1', can_make_calls: true, team_id: 1 },
			{ id: 12, assistant_id: 'asst_support_02', name: 'Support Line', role: 'inbound agent', phone_number: null, minutes_used: 3, total_calls: 5, model: 'gpt-4o', voice_id: 'v2', can_make_calls: false, team_id: 1 },
			{ id: 13, assistant_id: 'asst_reminder_03', name: 'Reminder Caller', role: 'outbound agent', phone_number: '+15550002222', minutes_used: 0, total_calls: 0, model: 'gpt-4o-mini', voice_id: 'v3', can_make_calls: true, team_id: 1 },
		];
		this.calls = [];
		this.webhooks = [];
		this.deliveries = [];
		this.doNotCall = new Set(['+14155552699']);
		this.balance = 25.0;
		this.rate = 0.12;
		this.dailyLimit = 100;
		this.sequence = 100;
	}

	/** Tests seed history to exercise paging. */
	seedCalls(count) {
		for (let index = 0; index < count; index++) {
			this.sequence += 1;
			const agent = this.agents[index % 2 === 0 ? 0 : 2];
			this.calls.push({
				id: this.sequence,
				call_id: `klen_call_seed_${index}`,
				status: index % 4 === 0 ? 'failed' : 'completed',
				type: 'outbound',
				phone_number: `+1555010${String(1000 + index).slice(-4)}`,
				agent: { id: agent.id, name: agent.name, assistant_id: agent.assistant_id },
				contact: null,
				created_at: new Date(Date.now() - index * 1000).toISOString(),
				started_at: null,
				ended_at: null,
				duration_seconds: 30,
				summary: 'Seeded call',
				transcript: null,
				recording_url: null,
				team: { id: 1, name: 'Sandbox Team' },
				billing: { status: 'charged', initial_charge: 0.12, final_charge: 0.12, total_charge: 0.12 },
				variables: {},
			});
		}
	}

	get secretHeaders() {
		return ['authorization', 'x-api-key'];
	}

	authorise(headers) {
		const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
		return bearer === KLEN_KEY || headers['x-api-key'] === KLEN_KEY;
	}

	unauthorised(headers) {
		return headers.authorization || headers['x-api-key']
			? fail(401, 'invalid_key', 'The API key is invalid or inactive')
			: fail(401, 'authentication_required', 'No API key was provided');
	}

	failure(status, message) {
		return fail(status, CODES[status] ?? 'server_error', message);
	}

	invalidJson() {
		return fail(400, 'invalid_json', 'Invalid JSON payload');
	}

	findAgent(value) {
		return this.agents.find((agent) => String(agent.id) === String(value) || agent.assistant_id === value);
	}

	findCall(id) {
		return this.calls.find((call) => String(call.id) === String(id) || call.call_id === id);
	}

	/** queued → in-progress (call.started) → completed (call.ended, transcript, summary, recording) or failed. */
	play(call) {
		this.playCall({ started: () => this.started(call), ended: () => this.ended(call) }, call.call_id);
	}

	started(call) {
		call.status = 'in-progress';
		call.started_at = new Date().toISOString();
		this.emit('call.started', call);
	}

	ended(call) {
		call.ended_at = new Date().toISOString();
		if (call.phone_number.endsWith('0')) {
			call.status = 'failed';
			this.emit('call.failed', call, { reason: 'no-answer' });
			return;
		}
		call.status = 'completed';
		call.duration_seconds = 37;
		call.summary = `Spoke with ${call.variables?.customer_name ?? 'the customer'}; they are interested.`;
		call.transcript = 'Agent: Hello!\nCustomer: Hi, yes I am interested.';
		call.recording_url = `https://recordings.klen.example/${call.call_id}.mp3`;
		this.emit('call.ended', call, { summary: call.summary, duration: call.duration_seconds });
		this.emit('call.transcript', call, { transcript: call.transcript });
		this.emit('call.summary', call, { summary: call.summary });
		this.emit('call.recording', call, { recording_url: call.recording_url });
	}

	publicCall(call) {
		const { variables, ...rest } = call;
		return rest;
	}

	async emit(eventType, call, extra = {}) {
		const body = JSON.stringify({
			event_type: eventType,
			call: { ...callRow(call), klen_call_id: call.call_id, ...extra },
			timestamp: new Date().toISOString(),
		});
		for (const hook of this.webhooks.filter((candidate) => candidate.subscribed_events.includes(eventType))) {
			const signature = crypto.createHmac('sha256', SIGNING_SECRET).update(body).digest('hex');
			try {
				const response = await fetch(hook.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-klen-signature': signature },
					body,
					signal: AbortSignal.timeout(10_000),
				});
				await response.arrayBuffer();
				this.deliveries.push({ url: hook.url, event_type: eventType, status: response.status });
			} catch (error) {
				this.deliveries.push({ url: hook.url, event_type: eventType, error: String(error.message ?? error) });
			}
		}
	}

	router() {
		const router = new Router();
		router.on('GET', '/api/v1/agents', () => reply(200, { agents: this.agents }));

		callRoutes(router, this);

		router.on('POST', '/api/webhooks/create/', ({ body }) => {
			if (!body?.url || !Array.isArray(body.subscribed_events) || body.subscribed_events.length === 0) {
				return fail(400, 'validation_error', 'url and subscribed_events are required');
			}
			const hook = { id: this.webhooks.length + 1, name: body.name ?? 'n8n', url: body.url, subscribed_events: body.subscribed_events, signing_secret: SIGNING_SECRET };
			this.webhooks.push(hook);
			return reply(201, hook);
		});

		return router;
	}
}

module.exports = { KlenFake, KLEN_KEY, SIGNING_SECRET };
