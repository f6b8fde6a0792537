'use strict';
// What every platform fake shares: where the sandbox listens, how long a call lasts, the timers
// that play calls out, and the answers the common server gives on the fake's behalf (unauthorised,
// invalid JSON, no such route, injected faults), all in the fake's own error envelope.
const { Timers } = require('./timers');

class PlatformFake {
	/**
	 * @param {object} [options]
	 * @param {() => string} [options.baseUrl] where the sandbox listens, for links it hands out
	 * @param {number} [options.callDurationMs] time from a call's start to its final status
	 * @param {number} [options.webhookTimeoutMs] how long a webhook delivery waits for n8n's answer (default 10 s)
	 */
	constructor(options = {}) {
		this.baseUrl = options.baseUrl ?? (() => 'http://127.0.0.1');
		this.callDurationMs = options.callDurationMs ?? 2000;
		this.webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
		this.timers = new Timers();
		this.playing = new Map();
	}

	/** Back to the seed data; a subclass calls this first, so no call of a test before finishes in the next. */
	reset() {
		this.timers.clear();
		/** The calls still playing, by ID: what ends each now (`endCall`). */
		this.playing = new Map();
	}

	/**
	 * Plays a call out: `started` a quarter of the way through (when given), `ended` after
	 * `callDurationMs`, as read now (a changed duration applies to the next call). `id` lets a test
	 * end the call at a moment it chooses (`endCall`), e.g. while n8n restarts.
	 */
	playCall({ started, ended }, id) {
		const timers = [];
		let hasStarted = !started;
		const start = () => {
			hasStarted = true;
			started?.();
		};
		const end = () => {
			for (const timer of timers) this.timers.cancel(timer);
			if (id !== undefined) this.playing.delete(id);
			if (!hasStarted) start();
			ended();
		};
		if (started) timers.push(this.timers.later(Math.round(this.callDurationMs / 4), start));
		timers.push(this.timers.later(this.callDurationMs, end));
		if (id !== undefined) this.playing.set(id, end);
	}

	/** Ends a call now, as its number decides (started first if it had not yet); false when none plays. */
	endCall(id) {
		const end = this.playing.get(id);
		if (!end) return false;
		end();
		return true;
	}

	/** Headers that carry the credential: the request log shows them as `[present]`. */
	get secretHeaders() {
		return ['authorization'];
	}

	/** The platform's error answer: every fake declares its own envelope. */
	failure(status, message) {
		throw new Error(`${this.constructor.name} declares no error envelope (failure) for ${status} ${message}`);
	}

	/** Requests whose credential the fake refused. */
	unauthorised() {
		return this.failure(401, 'Unauthorised');
	}

	/** A body that is not JSON. */
	invalidJson() {
		return this.failure(400, 'Invalid JSON body');
	}

	/** A path the platform does not have. */
	notFound() {
		return this.failure(404, 'Not found');
	}

	/**
	 * Routes outside the API (`/_sandbox/<name>/…`, `/_files/…`) for tests in another process. Every
	 * fake has `POST /_sandbox/<name>/calls/<id>/end` (ends a call now); `name` is its folder name.
	 */
	controlRoutes() {}
}

module.exports = { PlatformFake };
