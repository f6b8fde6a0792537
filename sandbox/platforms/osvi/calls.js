'use strict';
// OSVI calls: placing one (with the documented validation), listing with filters and paging, and
// reading one back with its transcript and a presigned recording link.
const crypto = require('node:crypto');
const { getCountryCallingCode, parsePhoneNumberFromString, isSupportedCountry } = require('libphonenumber-js/min');

const { ownAgent } = require('./agents');
const { failure, invalid, isPlainObject, listPage, ok } = require('./answers');
const { isOnDnd } = require('./dnd');

function isHttpUrl(value) {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/** A call as OSVI stores it; `request` keeps what the call was started with. */
function newCall(fake, { agent, e164, status = 'in_progress', request = {}, callType = 'outbound' }) {
	fake.sequence += 1;
	const createdAt = new Date(Date.now() + fake.sequence).toISOString();
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

/** What the list shows of a call … */
function summary(call) {
	const { caller_name, retry_count, summary, data_captured, post_call_analysis, transcript, request, visibleAt, ...rest } = call;
	return rest;
}

/** … and what a read of one call shows. */
function detail(call) {
	const { transcript, request, visibleAt, ...rest } = call;
	return rest;
}

/** The checks OSVI documents for a new call; the parsed number, or the answer that refuses it. */
function validateCall(body) {
	if (!isPlainObject(body)) return invalid(422, 'Request body must be a JSON object');
	const errors = [];
	for (const field of ['agent_uuid', 'phone_number', 'country_code']) {
		if (typeof body[field] !== 'string' || body[field].trim() === '') errors.push(`${field} is required`);
	}
	if (errors.length) return invalid(422, ...errors);
	if (!isSupportedCountry(body.country_code)) return failure(400, `Invalid country_code: ${body.country_code}`);
	if (!/^\d+$/.test(body.phone_number)) return failure(400, 'phone_number must contain digits only, without country code');
	// The national digits are dialled with the country's calling code: a number of another country
	// sharing it (Guernsey and GB, Puerto Rico and US) is the same number.
	const phone = parsePhoneNumberFromString(body.phone_number, body.country_code);
	if (!phone || !phone.isValid() || phone.countryCallingCode !== getCountryCallingCode(body.country_code)) {
		return failure(400, `Invalid phone number for ${body.country_code}: ${body.phone_number}`);
	}
	if (body.webhook_url !== undefined && !isHttpUrl(body.webhook_url)) {
		return failure(400, 'webhook_url must be a valid HTTP or HTTPS URL with a host');
	}
	if (body.additional_data !== undefined && !isPlainObject(body.additional_data)) {
		return failure(400, 'additional_data must be a JSON object');
	}
	// "At most 2000 characters": characters, not UTF-16 units (an emoji is one).
	if (body.initial_greeting !== undefined && [...String(body.initial_greeting)].length > 2000) {
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

/** The calls of this account that match the list filters, newest first; or the answer that refuses the filters. */
function filterCalls(fake, query) {
	let calls = fake.calls.filter((call) => fake.agents.find((a) => a.agent_id === call.agent_uuid)?.account === 'own');
	if (query.agent_uuid) {
		const agent = fake.agents.find((candidate) => candidate.agent_id === query.agent_uuid && candidate.account === 'own');
		if (!agent) return { error: failure(404, 'Agent not found') };
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
		if (Number.isNaN(bound)) return { error: invalid(422, `${key} is not a valid date`) };
		calls = calls.filter((call) => call.call_picked_at && compare(Date.parse(call.call_picked_at), bound));
	}
	return { calls: [...calls].sort((a, b) => b.created_at.localeCompare(a.created_at)) };
}

function callRoutes(router, fake) {
	router.on('POST', '/v1/call', ({ body }) => {
		const checked = validateCall(body);
		if (checked.status) return checked;
		const { error, agent } = ownAgent(fake, body.agent_uuid);
		if (error) return error;
		const { call_id: _ignored, ...request } = body;
		// DND takes effect at once, for campaigns and single calls alike.
		if (isOnDnd(fake, agent.agent_id, checked.phone.number)) return failure(422, 'Phone number is on the agent\'s Do Not Disturb list');
		const call = newCall(fake, { agent, e164: checked.phone.number, request });
		fake.calls.push(call);
		fake.scheduleCompletion(call);
		return ok({ call_id: call.call_id });
	});

	router.on('GET', '/v1/calls', ({ query }) => {
		const { error, calls } = filterCalls(fake, query);
		return error ?? listPage(calls, query, summary);
	});

	router.on('GET', '/v1/call/:id', ({ params }) => {
		const call = fake.visibleCall(params.id);
		return call ? ok(detail(call)) : failure(404, 'Call not found');
	});

	router.on('GET', '/v1/call/:id/transcript', ({ params }) => {
		const call = fake.visibleCall(params.id);
		return call ? ok({ call_id: call.call_id, transcript: call.transcript }) : failure(404, 'Call not found');
	});

	router.on('GET', '/v1/call/:id/recording', ({ params }) => {
		const call = fake.visibleCall(params.id);
		if (!call) return failure(404, 'Call not found');
		// Only a call that was answered has a recording (undocumented: the sandbox's assumption).
		if (call.status !== 'picked') return failure(404, 'Recording not found');
		const signature = crypto.createHash('sha256').update(call.call_id).digest('hex').slice(0, 16);
		return ok({
			call_id: call.call_id,
			recording_url: `${fake.baseUrl()}/_files/recordings/${call.call_id}.wav?X-Signature=${signature}`,
			expires_in_seconds: 900,
		});
	});
}

module.exports = { newCall, callRoutes };
