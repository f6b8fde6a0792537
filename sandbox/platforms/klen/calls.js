'use strict';
// Klen AI calls: placing one (every documented refusal: validation, agent without a number, the Do
// Not Call list, the wallet, the daily limit), listing with paging, and reading one back.
const crypto = require('node:crypto');
const { parsePhoneNumberFromString } = require('libphonenumber-js/min');

const { reply } = require('../../core/http');

/** Klen's error answer: a code and a message, and what else the code documents. */
const fail = (status, error, message, extra = {}) => reply(status, { error, message, ...extra });

/** The fields a call shows in the list and in webhook events. */
function callRow(call) {
	return {
		id: call.id,
		agent_id: call.agent.id,
		agent_name: call.agent.name,
		status: call.status,
		type: call.type,
		phone_number: call.phone_number,
		started_at: call.started_at,
		ended_at: call.ended_at,
		duration_seconds: call.duration_seconds,
	};
}

function callRoutes(router, fake) {
	router.on('POST', '/api/v1/calls', ({ body }) => {
		if (body === undefined || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'invalid_json', 'Invalid JSON payload');
		if (!body.phone_number) return fail(400, 'missing_phone_number', 'Phone number is required');
		if (body.agent_id === undefined || body.agent_id === '') return fail(400, 'missing_agent_id', 'Agent ID is required');
		const phone = parsePhoneNumberFromString(String(body.phone_number));
		if (!/^\+\d+$/.test(body.phone_number) || !phone || !phone.isValid()) return fail(400, 'invalid_phone_number', 'The provided phone number is not valid');
		if (body.variables !== undefined && (typeof body.variables !== 'object' || Array.isArray(body.variables) || body.variables === null)) {
			return fail(400, 'validation_error', 'variables must be an object');
		}
		const agent = fake.findAgent(body.agent_id);
		if (!agent) return fail(404, 'agent_not_found', 'AI agent not found or you do not have access');
		if (!agent.can_make_calls) return fail(404, 'no_phone_number', 'The agent does not have an assigned phone number');
		if (fake.doNotCall.has(body.phone_number)) return fail(403, 'do_not_call', 'The phone number is on your Do Not Call list');
		if (fake.balance < fake.rate) {
			return fail(402, 'insufficient_funds', 'Insufficient funds to make call', { balance: fake.balance, required_rate: fake.rate });
		}
		const today = fake.calls.filter((call) => call.created_at.slice(0, 10) === new Date().toISOString().slice(0, 10));
		if (today.length >= fake.dailyLimit) return reply(429, { error: 'rate_limit_exceeded', message: 'Daily call limit reached' }, { 'retry-after': '3600' });
		fake.balance -= fake.rate;
		fake.sequence += 1;
		const call = {
			id: fake.sequence,
			call_id: `klen_call_${crypto.randomUUID()}`,
			status: 'queued',
			type: 'outbound',
			phone_number: body.phone_number,
			agent: { id: agent.id, name: agent.name, assistant_id: agent.assistant_id },
			contact: body.contact_id ? { id: body.contact_id, name: 'Sandbox Contact', email: 'contact@example.com', company: 'Example Co', status: 'lead', stage: 'new', last_call_date: null } : null,
			created_at: new Date().toISOString(),
			estimated_start: new Date(Date.now() + 5000).toISOString(),
			started_at: null,
			ended_at: null,
			duration_seconds: 0,
			summary: null,
			transcript: null,
			recording_url: null,
			team: { id: 1, name: 'Sandbox Team' },
			billing: { status: 'pending', initial_charge: fake.rate, final_charge: null, total_charge: fake.rate },
			variables: body.variables ?? {},
		};
		fake.calls.push(call);
		fake.play(call);
		const { contact, team, billing, started_at, ended_at, duration_seconds, summary, transcript, recording_url, variables, ...created } = call;
		return reply(201, created);
	});

	router.on('GET', '/api/v1/calls', ({ query }) => {
		let calls = [...fake.calls];
		if (query.agent_id) calls = calls.filter((call) => String(call.agent.id) === query.agent_id);
		if (query.status) calls = calls.filter((call) => call.status === query.status);
		if (query.type) calls = calls.filter((call) => call.type === query.type);
		const limit = Math.min(100, Math.max(1, Number(query.limit ?? 10)));
		const page = Math.max(1, Number(query.page ?? 1));
		const pages = Math.max(1, Math.ceil(calls.length / limit));
		const slice = calls.reverse().slice((page - 1) * limit, page * limit);
		return reply(200, {
			count: calls.length,
			page,
			limit,
			pages,
			calls: slice.map((call) => ({ ...callRow(call), summary: call.summary, recording_url: call.recording_url, contact: call.contact })),
		});
	});

	router.on('GET', '/api/v1/calls/:id', ({ params }) => {
		const call = fake.findCall(params.id);
		return call ? reply(200, fake.publicCall(call)) : fail(404, 'not_found', 'Call not found');
	});
}

module.exports = { callRoutes, callRow, fail };
