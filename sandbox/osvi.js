'use strict';
// A faithful fake of OSVI's API as described in shared/api/osvi.md: token check, documented
// validation errors and both error envelopes, calls with a life (in progress → final status),
// paging with `meta`, transcripts, presigned recording URLs, and the post-call webhook.
const crypto = require('node:crypto');
const { parsePhoneNumberFromString, isSupportedCountry } = require('libphonenumber-js/min');

const { Timers } = require('./timers');
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

/**
 * What the sandbox's "customer" answers: yes to yes/no questions, except opt-out questions, which a
 * number ending in 7 answers yes (so tests and demos can take either branch).
 */
function sampleValue(field, e164) {
	const format = String(field.output_format ?? '').toLowerCase();
	if (format.includes('yes') && format.includes('no')) {
		if (/opt|do_not_call|dnd/i.test(field.key)) return e164.endsWith('7') ? 'yes' : 'no';
		return 'yes';
	}
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
		this.timers = new Timers();
		this.reset();
	}

	reset() {
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
		this.campaigns = new Map([
			[101, { id: 101, name: 'November Reminders', status: 'active', is_retry_enabled: true, retry_threshold: 2, retry_delay: 30, created_at: '2026-11-01T10:00:00+05:30', uploads: [] }],
			[102, { id: 102, name: 'Survey Wave 2', status: 'paused', is_retry_enabled: false, retry_threshold: 0, retry_delay: 0, created_at: '2026-11-05T10:00:00+05:30', uploads: [] }],
		]);
		this.uploadSequence = 5000;
		this.dnd = [];
		this.dndSequence = 0;
		this.chatSessions = [];
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

	/** Plays out the call: after `callDurationMs` it ends with the outcome its number chooses. */
	scheduleCompletion(call) {
		call.visibleAt = Date.now() + this.visibilityDelayMs;
		this.timers.later(this.callDurationMs, () => this.complete(call));
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
		this.timers.later(this.analysisDelayMs, () => {
			call.data_captured = Object.fromEntries(
				(call.request.data_extraction ?? []).map((field) => [field.key, sampleValue(field, call.phone_number)]),
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

	ownAgent(agentUuid) {
		const agent = this.agents.find((candidate) => candidate.agent_id === agentUuid);
		if (!agent) return { error: failure(404, 'Agent not found') };
		if (agent.account !== 'own') return { error: failure(403, 'Agent does not belong to this account') };
		return { agent };
	}

	/** The server's own phone normalisation (Indian forms by default), to E.164. */
	normalisePhone(raw, country = 'IN') {
		const phone = parsePhoneNumberFromString(String(raw ?? ''), country);
		return phone && phone.isValid() ? phone.number : undefined;
	}

	isOnDnd(agentUuid, e164) {
		return this.dnd.some((entry) => entry.agent_uuid === agentUuid && entry.phone === e164);
	}

	addContacts(campaignId, body) {
		const campaign = this.campaigns.get(campaignId);
		if (!campaign) return failure(404, 'Campaign not found');
		if (!isPlainObject(body)) return invalid(422, 'Request body must be a JSON object');
		const errors = [];
		if (typeof body.agent_uuid !== 'string' || body.agent_uuid === '') errors.push('agent_uuid is required');
		if (!Array.isArray(body.contacts) || body.contacts.length === 0) errors.push('contacts is required');
		else if (body.contacts.length > 10000) errors.push('contacts must contain at most 10000 entries');
		if (errors.length) return invalid(422, ...errors);
		const { error, agent } = this.ownAgent(body.agent_uuid);
		if (error) return error;
		// Duplicates by phone are dropped, keeping the longer name; numbers on the agent's DND list are skipped.
		const byPhone = new Map();
		const dndSkipped = [];
		let invalidCount = 0;
		for (const contact of body.contacts) {
			const e164 = this.normalisePhone(contact?.phone);
			if (!e164) {
				invalidCount += 1;
				continue;
			}
			if (this.isOnDnd(agent.agent_id, e164)) {
				dndSkipped.push({ phone: e164, person_name: contact.person_name ?? null });
				continue;
			}
			const existing = byPhone.get(e164);
			if (!existing || String(contact.person_name ?? '').length > String(existing.person_name ?? '').length) {
				byPhone.set(e164, { ...contact, phone: e164 });
			}
		}
		const accepted = [...byPhone.values()];
		const duplicates = body.contacts.length - invalidCount - dndSkipped.length - accepted.length;
		this.uploadSequence += 1;
		const upload = {
			campaign_upload_id: this.uploadSequence,
			file_name: `api-upload-${this.uploadSequence}.json`,
			agent_uuid: agent.agent_id,
			created_at: new Date().toISOString(),
			contacts: accepted,
			enqueued: body.enqueue === true,
		};
		campaign.uploads.push(upload);
		if (upload.enqueued) {
			for (const contact of accepted) {
				this.calls.push(
					this.newCall({ agent, e164: contact.phone, status: 'in_progress', request: { person_name: contact.person_name, campaign_id: campaignId, campaign_upload_id: upload.campaign_upload_id } }),
				);
			}
		}
		return ok({
			campaign_upload_id: upload.campaign_upload_id,
			contacts_received: body.contacts.length,
			contacts_accepted: accepted.length,
			duplicates_removed: duplicates,
			enqueued: upload.enqueued,
			queued_calls: upload.enqueued ? accepted.length : 0,
			dnd_skipped: dndSkipped,
		});
	}

	campaignStatus(campaignId) {
		const campaign = this.campaigns.get(campaignId);
		if (!campaign) return failure(404, 'Campaign not found');
		const calls = this.calls.filter((call) => call.campaign_id === campaignId);
		const byStatus = { picked: 0, not_picked: 0, failed: 0, busy: 0, in_progress: 0 };
		for (const call of calls) byStatus[call.status] = (byStatus[call.status] ?? 0) + 1;
		const { uploads, ...info } = campaign;
		return ok({
			campaign: info,
			calls: { total: calls.length, by_status: byStatus },
			uploads: uploads.map((upload) => ({
				campaign_upload_id: upload.campaign_upload_id,
				file_name: upload.file_name,
				agent_uuid: upload.agent_uuid,
				created_at: upload.created_at,
				queues: [
					{
						agent_uuid: upload.agent_uuid,
						total_queued: upload.enqueued ? upload.contacts.length : 0,
						completed: calls.filter((call) => call.campaign_upload_id === upload.campaign_upload_id && call.status !== 'in_progress').length,
					},
				],
			})),
		});
	}

	listPage(items, query) {
		const perPage = Math.min(100, Math.max(1, Number(query.per_page ?? 25)));
		const page = Math.max(1, Number(query.page ?? 1));
		const totalPages = Math.max(1, Math.ceil(items.length / perPage));
		return ok(items.slice((page - 1) * perPage, page * perPage), 200, {
			meta: { current_page: page, total_pages: totalPages, total_count: items.length, per_page: perPage },
		});
	}

	/** Chat: the agent answers in AI mode; in support mode a human speaks and the AI stays quiet. */
	chatReply(session, content) {
		if (session.mode === 'support') return null;
		const context = session.metadata.context.length ? ` (I know: ${session.metadata.context.join('; ')})` : '';
		return `Thanks for your message "${content}".${context}`;
	}

	newChatSession(agent, customerId, inputFields = {}, context = []) {
		for (const session of this.chatSessions) {
			if (session.customer_id === customerId && session.chat_agent_id === agent.agent_id && session.status === 'active') session.status = 'closed';
		}
		const now = new Date().toISOString();
		const session = {
			id: crypto.randomUUID(),
			chat_agent_id: agent.agent_id,
			account_id: 'acct_sandbox',
			customer_id: customerId,
			mode: 'ai',
			help_requested: false,
			status: 'active',
			current_state: 'greeting',
			metadata: { input_fields: inputFields, state_fields: {}, context: context.filter((line) => typeof line === 'string' && line.trim() !== '').slice(-5) },
			active_human: null,
			created_at: now,
			updated_at: now,
			messages: [],
		};
		this.chatSessions.push(session);
		return session;
	}

	publicSession(session) {
		const { messages, ...rest } = session;
		return rest;
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
			// DND takes effect at once, for campaigns and single calls alike.
			if (this.isOnDnd(agent.agent_id, checked.phone.number)) return failure(422, 'Phone number is on the agent\'s Do Not Disturb list');
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

		router.on('POST', '/v1/campaigns/:id/contacts', ({ params, body }) => this.addContacts(Number(params.id), body));
		router.on('GET', '/v1/campaigns/:id/status', ({ params }) => this.campaignStatus(Number(params.id)));

		router.on('POST', '/v1/dnd_numbers', ({ body }) => {
			if (!isPlainObject(body) || !body.agent_uuid || !body.phone) return invalid(422, ...['agent_uuid', 'phone'].filter((key) => !body?.[key]).map((key) => `${key} is required`));
			const { error, agent } = this.ownAgent(body.agent_uuid);
			if (error) return error;
			const e164 = this.normalisePhone(body.phone);
			if (!e164) return invalid(422, 'phone is invalid');
			const existing = this.dnd.find((entry) => entry.agent_uuid === agent.agent_id && entry.phone === e164);
			if (existing) return ok(existing, 201);
			this.dndSequence += 1;
			const entry = { id: this.dndSequence, agent_uuid: agent.agent_id, phone: e164, reason: body.reason ?? null, created_at: new Date().toISOString() };
			this.dnd.push(entry);
			return ok(entry, 201);
		});
		router.on('GET', '/v1/dnd_numbers', ({ query }) => {
			if (!query.agent_uuid) return failure(400, 'param is missing or the value is empty: agent_uuid');
			const { error } = this.ownAgent(query.agent_uuid);
			if (error) return error;
			const entries = this.dnd
				.filter((entry) => entry.agent_uuid === query.agent_uuid && (!query.search || entry.phone.includes(query.search)))
				.sort((a, b) => b.id - a.id);
			return this.listPage(entries, query);
		});
		router.on('DELETE', '/v1/dnd_numbers', ({ query, body }) => {
			for (const key of ['agent_uuid', 'phone']) {
				if (!query[key]) return failure(400, `param is missing or the value is empty: ${key}`);
			}
			if (body !== undefined) return failure(400, 'DELETE takes its parameters in the query string');
			const e164 = this.normalisePhone(query.phone);
			const index = this.dnd.findIndex((entry) => entry.agent_uuid === query.agent_uuid && entry.phone === e164);
			if (index === -1) return failure(404, 'Phone not found in DND list');
			this.dnd.splice(index, 1);
			return reply(200, { success: true, message: 'Phone removed from DND list' });
		});

		router.on('POST', '/v1/chat/session', ({ body }) => {
			if (!isPlainObject(body) || !body.agent_uuid || !body.customer_id) return invalid(422, 'agent_uuid and customer_id are required');
			const { error, agent } = this.ownAgent(body.agent_uuid);
			if (error) return error;
			if (body.input_fields !== undefined && !isPlainObject(body.input_fields)) return invalid(422, 'input_fields must be an object');
			if (body.context !== undefined && !Array.isArray(body.context)) return invalid(422, 'context must be an array of strings');
			return ok(this.publicSession(this.newChatSession(agent, String(body.customer_id), body.input_fields, body.context)), 201);
		});
		router.on('POST', '/v1/chat/inbound', ({ body }) => {
			if (!isPlainObject(body) || !body.agent_uuid || !body.customer_id || !body.content) return invalid(422, 'agent_uuid, customer_id and content are required');
			const { error, agent } = this.ownAgent(body.agent_uuid);
			if (error) return error;
			let session;
			if (body.session_id) {
				session = this.chatSessions.find((candidate) => candidate.id === body.session_id);
				if (!session || session.status === 'closed') return failure(404, 'Session not found');
			} else {
				session = this.chatSessions.find((candidate) => candidate.customer_id === String(body.customer_id) && candidate.chat_agent_id === agent.agent_id && candidate.status === 'active')
					?? this.newChatSession(agent, String(body.customer_id));
			}
			session.messages.push({ role: 'customer', content: body.content });
			if (/human|agent please|help/i.test(body.content)) session.help_requested = true;
			const reply = this.chatReply(session, body.content);
			if (reply) session.messages.push({ role: 'ai', content: reply });
			session.current_state = 'conversation';
			return ok({ session_id: session.id, reply, state: session.current_state, mode: session.mode, help_requested: session.help_requested });
		});
		router.on('GET', '/v1/chat/session/active', ({ query }) => {
			if (!query.customer_id) return failure(400, 'param is missing or the value is empty: customer_id');
			const active = this.chatSessions.filter((session) => session.customer_id === query.customer_id && session.status === 'active');
			if (query.agent_uuid) {
				const session = active.find((candidate) => candidate.chat_agent_id === query.agent_uuid);
				return session ? ok(this.publicSession(session)) : failure(404, 'No active session');
			}
			return ok(Object.fromEntries(active.map((session) => [session.chat_agent_id, this.publicSession(session)])));
		});
		router.on('POST', '/v1/chat/session/:id/support', ({ params, body }) => {
			const session = this.chatSessions.find((candidate) => candidate.id === params.id);
			if (!session || session.status === 'closed') return failure(404, 'Session not found');
			const command = body?.command;
			const message = typeof body?.message === 'string' ? body.message.trim() : '';
			const result = { state: session.current_state, session_id: session.id };
			if (command === undefined) {
				if (!message) return invalid(422, 'message is required when no command is given');
				if (session.mode !== 'support') return invalid(422, 'A plain operator message needs support mode: send "takeover" first');
				session.messages.push({ role: 'human', content: message });
				return ok({ ...result, command: null });
			}
			switch (command) {
				case 'takeover':
					session.mode = 'support';
					session.active_human = { id: 'operator_1', name: 'Sandbox Operator' };
					return ok({ ...result, command, active_human: session.active_human });
				case 'tell': {
					if (!message) return invalid(422, 'message is required for tell');
					const reply = `Understood: ${message}`;
					session.messages.push({ role: 'ai', content: reply });
					return ok({ ...result, command, reply });
				}
				case 'whisper':
					if (!message) return invalid(422, 'message is required for whisper');
					session.metadata.whisper = message;
					return ok({ ...result, command });
				case 'end':
					session.mode = 'ai';
					session.active_human = null;
					return ok({ ...result, command });
				case 'close':
					session.status = 'closed';
					return ok({ ...result, command });
				default:
					return invalid(422, `Unknown command: ${command}`);
			}
		});
		router.on('POST', '/v1/chat/session/:id/inject_context', ({ params, body }) => {
			const session = this.chatSessions.find((candidate) => candidate.id === params.id);
			if (!session || session.status === 'closed') return failure(404, 'Session not found');
			if (typeof body?.context !== 'string' || body.context.trim() === '') return invalid(422, 'context must be a non-empty string');
			session.metadata.context = [...session.metadata.context, body.context].slice(-5);
			return ok({ session_id: session.id, context: session.metadata.context });
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
