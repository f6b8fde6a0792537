'use strict';
// A fake of UnleashX's API as described in docs/api/unleashx.md: the `token` header (or
// `api_access_token`), `{error: true, message}` errors, reads wrapped twice (`data.data`), calls
// that need an active outbound voice agent, the executions list (upper-case keys, page/limit, no
// totals), and the agent's end-of-session webhook. Guess, stated: a row's `ID` is the execution ID.
const crypto = require('node:crypto');
const { parsePhoneNumberFromString } = require('libphonenumber-js/min');

const { PlatformFake } = require('../../core/fake');
const { Router, reply, postJson } = require('../../core/http');

const UNLEASHX_TOKEN = 'unleashx_sandbox_token_01';
const fail = (status, message) => reply(status, { error: true, message });

class UnleashXFake extends PlatformFake {
	constructor(options = {}) {
		super(options);
		this.reset();
	}

	reset() {
		super.reset();
		const agent = (agent_id, agent_name, status, agent_type, calling_type) => ({
			agent_id,
			agent_name,
			description: `${agent_name} (sandbox)`,
			status,
			agent_type,
			voice_id: 'voice_1',
			voice_provider: 'elevenlabs',
			transcriber_provider: 'deepgram',
			calling_type,
			created_on: '2026-09-01 10:00:00',
			session_data_webhook: null,
			webhook_headers: {},
		});
		this.agents = [
			agent(501, 'Outbound Sales', 1, 3, 1),
			agent(502, 'Inbound Desk', 1, 3, 2),
			agent(503, 'Paused Outbound', 0, 3, 1),
			agent(504, 'Chat Helper', 1, 2, 1),
			agent(505, 'Renewals', 1, 3, 1),
		];
		this.executions = [];
		this.deliveries = [];
	}

	get secretHeaders() {
		return ['token', 'api_access_token'];
	}

	authorise(headers) {
		return headers.token === UNLEASHX_TOKEN || headers.api_access_token === UNLEASHX_TOKEN;
	}

	failure(status, message) {
		return fail(status, message);
	}

	unauthorised() {
		return fail(401, 'Invalid Auth Key or Session Expired');
	}

	/** Test hook: what the dashboard's "session data webhook" field would hold. */
	configureAgent(agentId, settings) {
		const agent = this.agents.find((candidate) => candidate.agent_id === Number(agentId));
		if (agent) Object.assign(agent, settings);
		return agent;
	}

	play(execution, agent) {
		this.playCall({ ended: () => this.ended(execution, agent) }, execution.ID);
	}

	/** The session ends; the agent's end-of-session webhook, when set, receives its data. */
	async ended(execution, agent) {
		const answered = !execution.CALLING_NUMBER.endsWith('0');
		Object.assign(execution, {
			STATUS: answered ? 'completed' : 'failed',
			CALL_STATUS: answered ? 'answered' : 'no-answer',
			TOTAL_DURATION: answered ? 48 : 0,
			TRANSCRIPT: answered ? 'Agent: Hello!\nUser: Yes, please renew.' : '',
			FILE_PATH: answered ? `https://files.unleashx.example/${execution.ID}.mp3` : '',
			DISPOSITION: answered ? 'interested' : 'not_reachable',
		});
		if (!agent.session_data_webhook) return;
		const body = {
			execution_id: execution.ID,
			agent_id: agent.agent_id,
			agent_name: agent.agent_name,
			phone_number: execution.CALLING_NUMBER,
			status: execution.STATUS,
			duration: execution.TOTAL_DURATION,
			transcript: execution.TRANSCRIPT,
			disposition: execution.DISPOSITION,
			metadata: execution.metadata,
		};
		const result = await postJson(agent.session_data_webhook, body, agent.webhook_headers ?? {}, this.webhookTimeoutMs);
		this.deliveries.push({ url: agent.session_data_webhook, body, ...result });
	}

	router() {
		const router = new Router();
		router.on('POST', '/api/v1/global/verify', () => reply(200, { success: true, message: 'Token is valid' }));

		router.on('GET', '/api/v1/global/agents/get', ({ query }) => {
			let agents = this.agents;
			if (query.agent_type) agents = agents.filter((agent) => String(agent.agent_type) === query.agent_type);
			const publicAgent = ({ session_data_webhook, webhook_headers, ...agent }) => agent;
			if (query.agent_id) {
				const agent = agents.find((candidate) => String(candidate.agent_id) === query.agent_id);
				if (!agent) return fail(404, 'Agent not found');
				return reply(200, { error: false, code: 200, message: 'Agent fetched', timestamp: new Date().toISOString(), data: { success: true, message: 'Agent fetched', data: publicAgent(agent) } });
			}
			return reply(200, { error: false, code: 200, message: 'Agents fetched', timestamp: new Date().toISOString(), data: { success: true, message: 'Agents fetched', data: agents.map(publicAgent) } });
		});

		router.on('POST', '/api/v1/global/agents/call', ({ body }) => {
			if (!body || !body.phone_number) return fail(400, 'Phone Number is required');
			if (body.agent_id === undefined || body.agent_id === null || body.agent_id === '') return fail(400, 'Agent ID is required');
			if (!Number.isInteger(body.agent_id)) return fail(422, 'Agent ID must be an integer');
			if (body.metadata !== undefined && (typeof body.metadata !== 'object' || Array.isArray(body.metadata) || body.metadata === null)) {
				return fail(422, 'metadata must be an object');
			}
			const number = String(body.phone_number).startsWith('+') ? String(body.phone_number) : `+${body.phone_number}`;
			const phone = parsePhoneNumberFromString(number);
			if (!phone || !phone.isValid()) return fail(422, 'Invalid phone number format');
			const agent = this.agents.find((candidate) => candidate.agent_id === body.agent_id);
			if (!agent || agent.status !== 1 || agent.agent_type !== 3 || agent.calling_type !== 1) return fail(404, 'Agent not found or not active');
			const execution = {
				ID: crypto.randomUUID(),
				AGENT_ID: agent.agent_id,
				agent_name: agent.agent_name,
				CALLING_NUMBER: phone.number,
				PROVIDER_NUMBER: '+14155550199',
				STATUS: 'initiated',
				CALL_STATUS: 'initiated',
				TOTAL_DURATION: 0,
				CREATED_AT: new Date().toISOString().replace('T', ' ').slice(0, 19),
				TRANSCRIPT: '',
				FILE_PATH: '',
				DISPOSITION: null,
				metadata: body.metadata ?? {},
			};
			this.executions.push(execution);
			this.play(execution, agent);
			return reply(200, { success: true, message: 'Call initiated successfully', data: { execution_id: execution.ID, agent_id: agent.agent_id, phone_number: phone.number, call_status: 'initiated' } });
		});

		router.on('GET', '/api/v1/global/agents/executions/list', ({ query }) => {
			let rows = [...this.executions].reverse();
			if (query.agent_id) rows = rows.filter((row) => String(row.AGENT_ID) === query.agent_id);
			if (query.calling_number) rows = rows.filter((row) => row.CALLING_NUMBER.includes(query.calling_number));
			// Dates as YYYY-MM-DD, whole days (the docs give no format; the list covers the last month by default).
			const day = (row) => row.CREATED_AT.slice(0, 10);
			const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
			rows = rows.filter((row) => day(row) >= (query.fromdate ?? monthAgo));
			if (query.todate) rows = rows.filter((row) => day(row) <= query.todate);
			if (query.status) rows = rows.filter((row) => row.STATUS === query.status);
			if (query.disposition) rows = rows.filter((row) => query.disposition.split(',').includes(row.DISPOSITION));
			const limit = Math.max(1, Number(query.limit ?? 10));
			const page = Math.max(1, Number(query.page ?? 1));
			return reply(200, { datalist: rows.slice((page - 1) * limit, page * limit).map(({ metadata, ...row }) => row) });
		});
		return router;
	}

	controlRoutes(router) {
		router.on('POST', '/_sandbox/unleashx/agents/:id', ({ params, body }) => reply(200, this.configureAgent(params.id, body) ?? {}));
	}
}

module.exports = { UnleashXFake, UNLEASHX_TOKEN };
