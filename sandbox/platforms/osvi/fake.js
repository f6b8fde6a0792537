'use strict';
// A faithful fake of OSVI's API as described in docs/api/osvi.md: token check, documented
// validation errors and both error envelopes, calls with a life (in progress → final status),
// paging with `meta`, transcripts, presigned recording URLs, campaigns, the DND list, chat, and the
// post-call webhook. One file per resource; this one holds the state they share.
const { recordingFile } = require('../../core/audio');
const { PlatformFake } = require('../../core/fake');
const { Router, reply } = require('../../core/http');
const { agentRoutes, seedAgents } = require('./agents');
const { failure } = require('./answers');
const { callRoutes, newCall } = require('./calls');
const { campaignRoutes, seedCampaigns } = require('./campaigns');
const { chatRoutes } = require('./chat');
const { dndRoutes } = require('./dnd');
const { completeCall } = require('./life');
const { deliverWebhook } = require('./webhook');

const TOKEN = 'sandboxtoken0001'; // 16 characters, like a real OSVI token

class OsviFake extends PlatformFake {
	/**
	 * @param {object} options see PlatformFake, and:
	 * @param {'current'|'legacy'} [options.webhookShape]
	 */
	constructor(options = {}) {
		super(options);
		this.token = options.token ?? TOKEN;
		this.webhookShape = options.webhookShape ?? 'current';
		this.webhookHeaders = options.webhookHeaders ?? {};
		// Real-world lags: a new call can take a moment to show in reads, and analysis follows the hang-up.
		this.visibilityDelayMs = options.visibilityDelayMs ?? 0;
		this.analysisDelayMs = options.analysisDelayMs ?? 0;
		this.reset();
	}

	reset() {
		super.reset();
		this.agents = seedAgents();
		this.calls = [];
		this.webhookDeliveries = [];
		this.sequence = 0;
		this.campaigns = seedCampaigns();
		this.uploadSequence = 5000;
		this.dnd = [];
		this.dndSequence = 0;
		this.chatSessions = [];
	}

	get deliveries() {
		return this.webhookDeliveries;
	}

	get secretHeaders() {
		return ['api-token'];
	}

	authorise(headers) {
		return headers['api-token'] === this.token;
	}

	failure(status, message) {
		return failure(status, message);
	}

	unauthorised() {
		return failure(401, 'Invalid or missing API-Token');
	}

	invalidJson() {
		return reply(400, { success: false, error: 'invalid_json', message: 'Invalid JSON body', details: null });
	}

	/** Tests seed history (e.g. 230 calls) to exercise paging. */
	seedCalls(count, template = {}) {
		const agent = this.agents[0];
		for (let index = 0; index < count; index++) {
			const number = `+9198765${String(10000 + index).slice(-5)}`;
			this.calls.push(newCall(this, { agent, e164: number, status: index % 3 === 0 ? 'not_picked' : 'picked', ...template }));
		}
	}

	/** Posts a call's post-call webhook again: a duplicate delivery, as a platform retrying one does. */
	async redeliver(id) {
		const call = this.findCall(id);
		if (!call) return false;
		await deliverWebhook(this, call);
		return true;
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
		this.playCall({ ended: () => completeCall(this, call) }, call.call_id);
	}

	router() {
		const router = new Router();
		for (const routes of [agentRoutes, callRoutes, campaignRoutes, dndRoutes, chatRoutes]) routes(router, this);
		return router;
	}

	controlRoutes(router) {
		router
			.on('POST', '/_sandbox/osvi/config', ({ body }) => {
				for (const key of ['callDurationMs', 'visibilityDelayMs', 'analysisDelayMs']) {
					if (body[key] !== undefined) this[key] = Number(body[key]);
				}
				if (body.webhookShape !== undefined) this.webhookShape = body.webhookShape;
				if (body.webhookHeaders !== undefined) this.webhookHeaders = body.webhookHeaders;
				return reply(200, { callDurationMs: this.callDurationMs, webhookShape: this.webhookShape });
			})
			.on('POST', '/_sandbox/osvi/seed-calls', ({ body }) => {
				this.seedCalls(Number(body.count ?? 0));
				return reply(200, { calls: this.calls.length });
			})
			.on('GET', '/_sandbox/osvi/calls', () => reply(200, this.calls))
			.on('GET', '/_sandbox/osvi/webhooks', () => reply(200, this.webhookDeliveries))
			.on('GET', '/_files/recordings/:file', ({ params }) => recordingFile(this.findCall(params.file.replace(/\.wav$/, ''))));
	}
}

module.exports = { OsviFake, TOKEN };
