'use strict';
// A CRM's rows, just enough for the example workflows to update the row a call was made for: rows
// by ID, read and updated (PATCH merges the fields sent) with a Bearer token. A stand-in for the
// user's own CRM, not one of our platforms.
const { PlatformFake } = require('../../core/fake');
const { Router, reply } = require('../../core/http');

const CRM_TOKEN = 'crm-sandbox-token';

class CrmFake extends PlatformFake {
	constructor(options = {}) {
		super(options);
		this.reset();
	}

	reset() {
		super.reset();
		/** Rows by ID; a row is created by its first update. */
		this.rows = new Map();
	}

	authorise(headers) {
		return headers.authorization === `Bearer ${CRM_TOKEN}`;
	}

	failure(status, message) {
		return reply(status, { error: message });
	}

	router() {
		return new Router()
			.on('GET', '/rows/:id', ({ params }) => (this.rows.has(params.id) ? reply(200, this.rows.get(params.id)) : this.failure(404, 'No such row')))
			.on('PATCH', '/rows/:id', ({ params, body }) => {
				if (!body || typeof body !== 'object' || Array.isArray(body)) return this.failure(400, 'Send the fields to change as a JSON object');
				const row = { ...(this.rows.get(params.id) ?? { id: params.id }), ...body, id: params.id, updated_at: new Date().toISOString() };
				this.rows.set(params.id, row);
				return reply(200, row);
			});
	}

	controlRoutes(router) {
		router.on('GET', '/_sandbox/crm/rows', () => reply(200, [...this.rows.values()]));
	}
}

module.exports = { CrmFake, CRM_TOKEN };
