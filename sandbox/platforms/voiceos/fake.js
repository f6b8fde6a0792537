'use strict';
// A fake of VoiceOS's API as described in docs/api/voiceos.md: Bearer tokens, FastAPI-style
// errors (422 with `detail[]`, others with `detail`), `{items, index, has_more}` paging, phone
// calls with a saved agent or an inline agent_config, conversations with a life, recordings, and
// webhook entries (events, url, method, headers) fired from the agent config the call used.
const crypto = require('node:crypto');
const { parsePhoneNumberFromString } = require('libphonenumber-js/min');

const { recordingFile } = require('../../core/audio');
const { PlatformFake } = require('../../core/fake');
const { Router, reply, postJson } = require('../../core/http');

const VOICEOS_TOKEN = 'voiceos_sandbox_token_0001';
const detail = (status, message) => reply(status, { detail: message });
const invalid = (loc, msg) => reply(422, { detail: [{ loc, msg, type: 'value_error' }] });

class VoiceOsFake extends PlatformFake {
	constructor(options = {}) {
		super(options);
		this.reset();
	}

	reset() {
		super.reset();
		const created = '2026-10-01T09:00:00Z';
		this.agents = Array.from({ length: 3 }, (_, index) => ({
			id: `agt_${index + 1}`,
			uri: `/agents/agt_${index + 1}`,
			account_id: 'acc_sandbox',
			created_at: created,
			updated_at: created,
			initial_message: `Hello from agent ${index + 1}`,
			prompt: 'You are a helpful caller.',
			max_duration_seconds: 600,
			metadata: { name: ['Booking Agent', 'Survey Agent', 'Renewal Agent'][index] },
			webhooks: [],
			hooks: [],
		}));
		this.phoneNumbers = [
			{ id: 'pn_1', phone_number: '+14155550100', inbound_agent_id: 'agt_1', telephony: { provider: 'twilio' }, webhooks: [] },
			{ id: 'pn_2', phone_number: '+14155550101', inbound_agent_id: null, telephony: { provider: 'twilio' }, webhooks: [] },
		];
		this.conversations = [];
		this.deliveries = [];
	}

	authorise(headers) {
		return /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1] === VOICEOS_TOKEN;
	}

	failure(status, message) {
		return detail(status, message);
	}

	unauthorised() {
		return detail(401, 'Invalid authentication credentials');
	}

	notFound() {
		return detail(404, 'Not Found');
	}

	/** FastAPI answers a body it cannot decode with 422 and the position of the error. */
	invalidJson() {
		return reply(422, { detail: [{ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid' }] });
	}

	page(items, query) {
		const limit = Math.max(1, Number(query.limit ?? 100));
		const index = Math.max(1, Number(query.index ?? 1));
		const slice = items.slice((index - 1) * limit, index * limit);
		return reply(200, { items: slice, index, has_more: index * limit < items.length });
	}

	publicConversation(conversation) {
		const { webhooksToFire, createdAt, ...rest } = conversation;
		return rest;
	}

	/** Posts an event to the conversation's webhooks that ask for it (`all`: to every one, as a replayed or misrouted delivery). */
	async fire(conversation, event, { all = false } = {}) {
		for (const hook of conversation.webhooksToFire) {
			if (!all && !hook.events.includes(event)) continue;
			const body = { event, conversation: this.publicConversation(conversation) };
			const result = await postJson(hook.url, body, hook.headers ?? {}, this.webhookTimeoutMs);
			this.deliveries.push({ url: hook.url, event, headers: hook.headers ?? {}, ...result });
		}
	}

	/** Any event of a conversation posted again to every one of its webhooks (tests of what a receiver declines). */
	async redeliver(id, { event = 'conversation:ended' } = {}) {
		const conversation = this.conversations.find((candidate) => candidate.id === id);
		if (!conversation) return false;
		await this.fire(conversation, event, { all: true });
		return true;
	}

	/**
	 * queued (phone_call:connection_requested) → started a quarter of the way through
	 * (phone_call:accepted, conversation:started) → ended (conversation:ended). A number ending in 0
	 * does not answer: the call is rejected (phone_call:rejected) and the conversation ends unstarted.
	 */
	play(conversation) {
		void this.fire(conversation, 'phone_call:connection_requested');
		this.playCall({ started: () => this.started(conversation), ended: () => this.ended(conversation) }, conversation.id);
	}

	answers(conversation) {
		return !conversation.phone_call.to_number.endsWith('0');
	}

	started(conversation) {
		if (!this.answers(conversation)) return;
		conversation.status = 'started';
		conversation.started_at = new Date().toISOString();
		void this.fire(conversation, 'phone_call:accepted').then(() => this.fire(conversation, 'conversation:started'));
	}

	ended(conversation) {
		conversation.status = 'ended';
		conversation.ended_at = new Date().toISOString();
		if (!this.answers(conversation)) {
			conversation.ended_reason = 'unknown';
			void this.fire(conversation, 'phone_call:rejected');
			return;
		}
		conversation.ended_reason = 'agent_ended';
		conversation.messages = [
			{ role: 'agent', content: conversation.agent_config.initial_message ?? 'Hello!' },
			{ role: 'user', content: 'Hi, sounds good.' },
		];
		conversation.cost_breakdown = {
			total: 0.21,
			voice: { provider: conversation.agent_config.voice?.provider ?? 'azure', cost: 0.05, characters: 420 },
			transcriber: { provider: 'deepgram', cost: 0.03, seconds: 40 },
			language_model: { provider: 'openai', cost: 0.04, input_tokens: 900, output_tokens: 120 },
			telephony: { provider: 'twilio', cost: 0.06, seconds: 42 },
			agent: { provider: 'voiceos', cost: 0.03, seconds: 42 },
		};
		void this.fire(conversation, 'conversation:ended');
	}

	router() {
		const router = new Router();
		router.on('GET', '/agents', ({ query }) => {
			let agents = [...this.agents];
			if (query.created_after) agents = agents.filter((agent) => agent.created_at > query.created_after);
			if (query.created_before) agents = agents.filter((agent) => agent.created_at < query.created_before);
			return this.page(agents, query);
		});
		router.on('GET', '/phone_numbers', ({ query }) => this.page(this.phoneNumbers, query));

		router.on('POST', '/conversations/create_phone_call', ({ body }) => {
			if (!body || typeof body !== 'object') return invalid(['body'], 'field required');
			if (!body.from_number) return invalid(['body', 'from_number'], 'field required');
			if (!body.to_number) return invalid(['body', 'to_number'], 'field required');
			const to = parsePhoneNumberFromString(String(body.to_number));
			if (!to || !to.isValid()) return invalid(['body', 'to_number'], 'invalid phone number');
			if (!this.phoneNumbers.some((number) => number.phone_number === body.from_number)) {
				return detail(404, `Phone number ${body.from_number} not found on this account`);
			}
			if ((body.agent_id ? 1 : 0) + (body.agent_config ? 1 : 0) !== 1) {
				return invalid(['body'], 'exactly one of agent_id and agent_config is required');
			}
			let agentConfig = body.agent_config;
			if (body.agent_id) {
				const agent = this.agents.find((candidate) => candidate.id === body.agent_id);
				if (!agent) return detail(404, 'Agent not found');
				const { id, uri, account_id, created_at, updated_at, ...config } = agent;
				agentConfig = config;
			}
			const conversation = {
				id: `conv_${crypto.randomUUID()}`,
				uri: '',
				account_id: 'acc_sandbox',
				type: 'outbound_phone_call',
				status: 'queued',
				started_at: null,
				ended_at: null,
				agent_id: body.agent_id ?? null,
				agent_config: agentConfig,
				messages: [],
				phone_call: { provider: 'twilio', to_number: body.to_number, from_number: body.from_number },
				ended_reason: null,
				cost_breakdown: null,
				webhooksToFire: agentConfig.webhooks ?? [],
				// When it was created: what the list's created_after/created_before filter on (not shown; the
				// documented Conversation has no such field).
				createdAt: Date.now(),
			};
			conversation.uri = `/conversations/${conversation.id}`;
			this.conversations.push(conversation);
			this.play(conversation);
			return reply(200, this.publicConversation(conversation));
		});

		router.on('GET', '/conversations', ({ query }) => {
			let conversations = [...this.conversations].reverse();
			if (query.status) conversations = conversations.filter((conversation) => conversation.status === query.status);
			if (query.created_after) conversations = conversations.filter((conversation) => conversation.createdAt >= Date.parse(query.created_after));
			if (query.created_before) conversations = conversations.filter((conversation) => conversation.createdAt <= Date.parse(query.created_before));
			return this.page(conversations.map((conversation) => this.publicConversation(conversation)), query);
		});
		router.on('GET', '/conversations/:id', ({ params }) => {
			const conversation = this.conversations.find((candidate) => candidate.id === params.id);
			return conversation ? reply(200, this.publicConversation(conversation)) : detail(404, 'Conversation not found');
		});
		router.on('GET', '/conversations/:id/recording', ({ params }) => {
			const conversation = this.conversations.find((candidate) => candidate.id === params.id);
			if (!conversation) return detail(404, 'Conversation not found');
			if (conversation.status !== 'ended') return detail(404, 'Recording not available yet');
			return reply(200, { recording_url: `${this.baseUrl()}/_files/voiceos/${conversation.id}.wav?signature=sandbox` });
		});
		return router;
	}

	controlRoutes(router) {
		router.on('GET', '/_files/voiceos/:file', ({ params }) =>
			recordingFile(this.conversations.some((conversation) => `${conversation.id}.wav` === params.file)),
		);
	}
}

module.exports = { VoiceOsFake, VOICEOS_TOKEN };
