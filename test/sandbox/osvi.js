'use strict';
// A faithful fake of OSVI's API as described in shared/api/osvi.md: token check, documented
// validation errors and both error envelopes, calls with a life (in progress → final status),
// paging with `meta`, transcripts, presigned recording URLs, and the post-call webhook.
const crypto = require('node:crypto');
const { parsePhoneNumberFromString, isSupportedCountry } = require('libphonenumber-js/min');

const { Router, reply, postJson } = require('./http');

const DEFAULT_TOKEN = 'sandboxtoken0001'; // 16 characters, like a real OSVI token
const AGENT_ID = /^agent_[A-Za-z0-9_-]+$/;

const ok = (data, status = 200, extra = {}) => reply(status, { success: true, data, ...extra });
/** Validation errors come as `errors[]` (422) … */
const invalid = (status, ...errors) => reply(status, { success: false, errors });
/** … and other failures as `error` + `details` (the second documented envelope). */
const failure = (status, error) => reply(status, { success: false, error, details: null });

function isHttpUrl(value) {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The outcome of a call in the sandbox depends on the last digit of the number, so tests and demos
 * can choose it: 0 → not_picked, 8 → failed, 9 → busy, anything else → picked.
 */
function outcomeFor(e164) {
	const last = e164.at(-1);
	if (last === '0') return 'not_picked';
	if (last === '8') return 'failed';
	if (last === '9') return 'busy';
	return 'picked';
}

function sampleValue(field) {
	const format = String(field.output_format ?? '').toLowerCase();
	if (format.includes('yes') && format.includes('no')) return 'yes';
	if (format.includes('date')) return '2026-11-21 10:00';
	if (format.includes('number')) return 3;
	return `sample ${field.key}`;
}

class OsviFake {
	/**
	 * @param {object} options
	 * @param {() => string} options.baseUrl where the sandbox listens, for recording links
	 * @param {number} [options.callDurationMs] time from start to final status
	 * @param {'current'|'legacy'} [options.webhookShape]
	 */
	constructor(options) {
		this.baseUrl = options.baseUrl;
		this.token = options.token ?? DEFAULT_TOKEN;
		this.callDurationMs = options.callDurationMs ?? 2000;
		this.webhookShape = options.webhookShape ?? 'current';
		this.webhookHeaders = options.webhookHeaders ?? {};
		// Real-world lags: a new call can take a moment to show in reads, and analysis follows the hang-up.
		this.visibilityDelayMs = options.visibilityDelayMs ?? 0;
		this.analysisDelayMs = options.analysisDelayMs ?? 0;
		this.timers = new Set();
		this.reset();
	}

	reset() {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.agents = [
			{ agent_id: 'agent_SandboxReminder01', name: 'Appointment Reminder', status: 'active', account: 'own' },
			{ agent_id: 'agent_SandboxSurvey02', name: 'Customer Survey', status: 'active', account: 'own' },
			{ agent_id: 'agent_SandboxPaused03', name: 'Paused Collections Agent', status: 'inactive', account: 'own' },
			{ agent_id: 'agent_OtherAccount99', name: 'Someone Else', status: 'active', account: 'other' },
		];
		this.calls = [];
		this.webhookDeliveries = [];
		this.sequence = 0;
	}

	/** Tests seed history (e.g. 230 calls) to exercise paging. */
	seedCalls(count, template = {}) {
		const agent = this.agents[0];
		for (let index = 0; index < count; index++) {
			const number = `+9198765${String(10000 + index).slice(-5)}`;
			this.calls.push(
				this.newCall({
					agent,
					e164: number,
					status: index % 3 === 0 ? 'not_picked' : 'picked',
					...template,
				}),
			);
		}
	}

	newCall({ agent, e164, status = 'in_progress', request = {}, callType = 'outbound' }) {
		this.sequence += 1;
		const createdAt = new Date(Date.now() + this.sequence).toISOString();
		return {
			call_id: crypto.randomUUID(),
			agent_uuid: agent.agent_id,
			agent_name: agent.name,
			phone_number: e164,
			from_number: '+918000000001',
			status,
			call_type: callType,
			duration_seconds: 0,
			call_ended_by: null,
			call_ended_reason: null,
			campaign_id: request.campaign_id ?? null,
			campaign_upload_id: request.campaign_upload_id ?? null,
			tag: null,
			created_at: createdAt,
			call_picked_at: status === 'picked' ? createdAt : null,
			caller_name: request.person_name ?? null,
			retry_count: 0,
			summary: null,
			data_captured: {},
			post_call_analysis: {},
			transcript: [],
			request,
		};
	}

	authorise(headers) {
		return headers['api-token'] === this.token;
	}

	summary(call) {
		const { caller_name, retry_count, summary, data_captured, post_call_analysis, transcript, request, ...rest } = call;
		return rest;
	}

	detail(call) {
		const { transcript, request, ...rest } = call;
		return rest;
	}

	findCall(id) {
		return this.calls.find((call) => call.call_id === id);
	}

	/** What the read endpoints see: nothing until the call is visible. */
	visibleCall(id) {
		const call = this.findCall(id);
		return call && Date.now() >= (call.visibleAt ?? 0) ? call : undefined;
	}

	later(ms, action) {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			action();
		}, ms);
		this.timers.add(timer);
	}

	/** Plays out the call: after `callDurationMs` it ends with the outcome its number chooses. */
	scheduleCompletion(call) {
		call.visibleAt = Date.now() + this.visibilityDelayMs;
		this.later(this.callDurationMs, () => this.complete(call));
	}

	complete(call) {
		const status = outcomeFor(call.phone_number);
		call.status = status;
		call.call_ended_by = status === 'picked' ? 'agent' : null;
		call.call_ended_reason = status === 'picked' ? 'conversation_completed' : status;
		if (status !== 'picked') {
			this.deliverWebhook(call);
			return;
		}
		const request = call.request;
		const greeting = request.initial_greeting ?? `Hello${request.person_name ? ` ${request.person_name}` : ''}, this is ${call.agent_name}.`;
		call.call_picked_at = new Date().toISOString();
		call.duration_seconds = 42;
		call.transcript = [
			{ role: 'agent', content: greeting },
			{ role: 'user', content: 'Yes, that works for me.' },
			{ role: 'agent', content: 'Thank you, goodbye.' },
		];
		// Post-call analysis lands after the hang-up; the webhook fires once it is done.
		this.later(this.analysisDelayMs, () => {
			call.data_captured = Object.fromEntries(
				(call.request.data_extraction ?? []).map((field) => [field.key, sampleValue(field)]),
			);
			call.summary = `The agent spoke with ${call.request.person_name ?? 'the customer'}; the customer agreed.`;
			call.post_call_analysis = { sentiment: 'positive', outcome: 'success' };
			this.deliverWebhook(call);
		});
	}

	webhookPayload(call) {
		if (this.webhookShape === 'legacy') {
			return {
				agent_name: call.agent_name,
				agent_uuid: call.agent_uuid,
				phone_number: call.phone_number,
				call_log_id: call.call_id,
				chat: call.transcript.map((turn) => `${turn.role}: ${turn.content}`).join('\n'),
				call_status: call.status,
				executionMode: 'prod',
			};
		}
		const payload = {
			call_log_id: call.call_id,
			phone_number: call.phone_number,
			agent_name: call.agent_name,
			call_status: call.status,
			call_type: call.call_type,
			call_summary: call.summary ?? undefined,
			data_capture: Object.keys(call.data_captured).length ? call.data_captured : undefined,
			structured_output: Object.keys(call.post_call_analysis).length ? call.post_call_analysis : undefined,
			call_trigger_data: call.request,
		};
		return JSON.parse(JSON.stringify(payload));
	}

	/**
	 * OSVI posts only for answered calls once analysis is done (current shape); the older shape
	 * carried every final status, so the legacy mode posts for all of them.
	 */
	async deliverWebhook(call) {
		const url = call.request.webhook_url;
		if (!url) return;
		if (this.webhookShape === 'current' && call.status !== 'picked') return;
		const body = this.webhookPayload(call);
		const result = await postJson(url, body, this.webhookHeaders);
		this.webhookDeliveries.push({ url, body, headers: this.webhookHeaders, ...result, at: new Date().toISOString() });
	}

	validateCall(body) {
		if (!isPlainObject(body)) return invalid(422, 'Request body must be a JSON object');
		const errors = [];
		for (const field of ['agent_uuid', 'phone_number', 'country_code']) {
			if (typeof body[field] !== 'string' || body[field].trim() === '') errors.push(`${field} is required`);
		}
		if (errors.length) return invalid(422, ...errors);
		if (!isSupportedCountry(body.country_code)) return failure(400, `Invalid country_code: ${body.country_code}`);
		if (!/^\d+$/.test(body.phone_number)) return failure(400, 'phone_number must contain digits only, without country code');
		const phone = parsePhoneNumberFromString(body.phone_number, body.country_code);
		if (!phone || !phone.isValid() || phone.country !== body.country_code) {
			return failure(400, `Invalid phone number for ${body.country_code}: ${body.phone_number}`);
		}
		if (body.webhook_url !== undefined && !isHttpUrl(body.webhook_url)) {
			return failure(400, 'webhook_url must be a valid HTTP or HTTPS URL with a host');
		}
		if (body.additional_data !== undefined && !isPlainObject(body.additional_data)) {
			return failure(400, 'additional_data must be a JSON object');
		}
		if (body.initial_greeting !== undefined && String(body.initial_greeting).length > 2000) {
			return failure(400, 'initial_greeting must be at most 2000 characters');
		}
		if (body.data_extraction !== undefined) {
			if (!Array.isArray(body.data_extraction)) return failure(400, 'data_extraction must be an array');
			const missing = body.data_extraction.findIndex((field) => !field || typeof field.description !== 'string' || field.description.trim() === '');
			if (missing !== -1) return failure(400, `data_extraction[${missing}].description can't be blank`);
		}
		const overrides = body.call_config_overrides;
		if (overrides !== undefined) {
			if (!isPlainObject(overrides)) return failure(400, 'call_config_overrides must be an object');
			const duration = overrides.max_call_duration_seconds;
			// The range is undocumented; the sandbox picks 1–3600 s to exercise the 400 path.
			if (duration !== undefined && (typeof duration !== 'number' || duration <= 0 || duration > 3600)) {
				return failure(400, 'max_call_duration_seconds is out of range');
			}
		}
		return { phone };
	}

	router() {
		const router = new Router();

		router.on('GET', '/v1/active_agents', () =>
			reply(
				200,
				this.agents
					.filter((agent) => agent.account === 'own' && agent.status === 'active')
					.map(({ agent_id, name, status }) => ({ agent_id, name, status })),
			),
		);

		router.on('POST', '/v1/call', ({ body }) => {
			const checked = this.validateCall(body);
			if (checked.status) return checked;
			const agent = this.agents.find((candidate) => candidate.agent_id === body.agent_uuid);
			if (!agent) return failure(404, 'Agent not found');
			if (agent.account !== 'own') return failure(403, 'Agent does not belong to this account');
			const { call_id: _ignored, ...request } = body;
			const call = this.newCall({ agent, e164: checked.phone.number, request });
			this.calls.push(call);
			this.scheduleCompletion(call);
			return ok({ call_id: call.call_id });
		});

		router.on('GET', '/v1/calls', ({ query }) => {
			let calls = this.calls.filter((call) => this.agents.find((a) => a.agent_id === call.agent_uuid)?.account === 'own');
			if (query.agent_uuid) {
				const agent = this.agents.find((candidate) => candidate.agent_id === query.agent_uuid && candidate.account === 'own');
				if (!agent) return failure(404, 'Agent not found');
				calls = calls.filter((call) => call.agent_uuid === query.agent_uuid);
			}
			if (query.status) {
				const statuses = query.status.split(',');
				calls = calls.filter((call) => statuses.includes(call.status));
			}
			if (query.campaign_id) calls = calls.filter((call) => String(call.campaign_id) === query.campaign_id);
			if (query.campaign_upload_id) calls = calls.filter((call) => String(call.campaign_upload_id) === query.campaign_upload_id);
			if (query.phone_number) calls = calls.filter((call) => call.phone_number.includes(query.phone_number));
			if (query.call_type) calls = calls.filter((call) => call.call_type === query.call_type);
			for (const [key, compare] of [['start_date', (a, b) => a >= b], ['end_date', (a, b) => a <= b]]) {
				if (!query[key]) continue;
				const bound = Date.parse(query[key].length === 10 ? `${query[key]}T${key === 'start_date' ? '00:00:00' : '23:59:59'}+05:30` : query[key]);
				if (Number.isNaN(bound)) return invalid(422, `${key} is not a valid date`);
				calls = calls.filter((call) => call.call_picked_at && compare(Date.parse(call.call_picked_at), bound));
			}
			calls = [...calls].sort((a, b) => b.created_at.localeCompare(a.created_at));
			const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 25)));
			const page = Math.max(1, Number(query.page ?? 1));
			const totalPages = Math.max(1, Math.ceil(calls.length / perPage));
			return ok(calls.slice((page - 1) * perPage, page * perPage).map((call) => this.summary(call)), 200, {
				meta: { current_page: page, total_pages: totalPages, total_count: calls.length, per_page: perPage },
			});
		});

		router.on('GET', '/v1/call/:id', ({ params }) => {
			const call = this.visibleCall(params.id);
			return call ? ok(this.detail(call)) : failure(404, 'Call not found');
		});

		router.on('GET', '/v1/call/:id/transcript', ({ params }) => {
			const call = this.visibleCall(params.id);
			return call ? ok({ call_id: call.call_id, transcript: call.transcript }) : failure(404, 'Call not found');
		});

		router.on('GET', '/v1/call/:id/recording', ({ params }) => {
			const call = this.visibleCall(params.id);
			if (!call) return failure(404, 'Call not found');
			const signature = crypto.createHash('sha256').update(call.call_id).digest('hex').slice(0, 16);
			return ok({
				call_id: call.call_id,
				recording_url: `${this.baseUrl()}/_files/recordings/${call.call_id}.wav?X-Signature=${signature}`,
				expires_in_seconds: 900,
			});
		});

		return router;
	}
}

/** A short silent WAV: enough for a binary download to be checked byte for byte. */
function silentWav(milliseconds = 100) {
	const sampleRate = 8000;
	const samples = Math.round((sampleRate * milliseconds) / 1000);
	const buffer = Buffer.alloc(44 + samples * 2);
	buffer.write('RIFF', 0);
	buffer.writeUInt32LE(36 + samples * 2, 4);
	buffer.write('WAVEfmt ', 8);
	buffer.writeUInt32LE(16, 16);
	buffer.writeUInt16LE(1, 20);
	buffer.writeUInt16LE(1, 22);
	buffer.writeUInt32LE(sampleRate, 24);
	buffer.writeUInt32LE(sampleRate * 2, 28);
	buffer.writeUInt16LE(2, 32);
	buffer.writeUInt16LE(16, 34);
	buffer.write('data', 36);
	buffer.writeUInt32LE(samples * 2, 40);
	return buffer;
}

module.exports = { OsviFake, DEFAULT_TOKEN, silentWav, outcomeFor };
