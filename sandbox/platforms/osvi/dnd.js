'use strict';
// OSVI's Do Not Disturb list, per agent, in E.164; it applies at once to calls and campaigns.
const { parsePhoneNumberFromString } = require('libphonenumber-js/min');

const { reply } = require('../../core/http');
const { ownAgent } = require('./agents');
const { failure, invalid, isPlainObject, listPage, ok } = require('./answers');

/** The server's own phone normalisation (Indian forms by default), to E.164. */
function normalisePhone(raw, country = 'IN') {
	const phone = parsePhoneNumberFromString(String(raw ?? ''), country);
	return phone && phone.isValid() ? phone.number : undefined;
}

function isOnDnd(fake, agentUuid, e164) {
	return fake.dnd.some((entry) => entry.agent_uuid === agentUuid && entry.phone === e164);
}

function dndRoutes(router, fake) {
	router.on('POST', '/v1/dnd_numbers', ({ body }) => {
		if (!isPlainObject(body) || !body.agent_uuid || !body.phone) return invalid(422, ...['agent_uuid', 'phone'].filter((key) => !body?.[key]).map((key) => `${key} is required`));
		const { error, agent } = ownAgent(fake, body.agent_uuid);
		if (error) return error;
		const e164 = normalisePhone(body.phone);
		if (!e164) return invalid(422, 'phone is invalid');
		const existing = fake.dnd.find((entry) => entry.agent_uuid === agent.agent_id && entry.phone === e164);
		if (existing) return ok(existing, 201);
		fake.dndSequence += 1;
		const entry = { id: fake.dndSequence, agent_uuid: agent.agent_id, phone: e164, reason: body.reason ?? null, created_at: new Date().toISOString() };
		fake.dnd.push(entry);
		return ok(entry, 201);
	});

	router.on('GET', '/v1/dnd_numbers', ({ query }) => {
		if (!query.agent_uuid) return failure(400, 'param is missing or the value is empty: agent_uuid');
		const { error } = ownAgent(fake, query.agent_uuid);
		if (error) return error;
		const entries = fake.dnd
			.filter((entry) => entry.agent_uuid === query.agent_uuid && (!query.search || entry.phone.includes(query.search)))
			.sort((a, b) => b.id - a.id);
		return listPage(entries, query);
	});

	router.on('DELETE', '/v1/dnd_numbers', ({ query, body }) => {
		for (const key of ['agent_uuid', 'phone']) {
			if (!query[key]) return failure(400, `param is missing or the value is empty: ${key}`);
		}
		if (body !== undefined) return failure(400, 'DELETE takes its parameters in the query string');
		const e164 = normalisePhone(query.phone);
		const index = fake.dnd.findIndex((entry) => entry.agent_uuid === query.agent_uuid && entry.phone === e164);
		if (index === -1) return failure(404, 'Phone not found in DND list');
		fake.dnd.splice(index, 1);
		return reply(200, { success: true, message: 'Phone removed from DND list' });
	});
}

module.exports = { isOnDnd, normalisePhone, dndRoutes };
