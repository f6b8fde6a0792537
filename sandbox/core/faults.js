'use strict';
// The sandbox's fault plan: what goes wrong, how often, decided by a seeded generator so a test
// or benchmark sees the same faults on every run. Each fault says whether the server acted.
//   latencyMs        added before every answer (after the work, if any)
//   rate429          share of requests answered 429 with Retry-After (not acted)
//   rate503          share answered 503 before any work (not acted)
//   rate500          share that do the work, then answer 500 (acted)
//   resetBeforeRead  share whose connection is destroyed before the request is read (not acted)
//   resetAfterRead   share that do the work, then destroy the connection (acted)
//   malformedJson    share that do the work, then answer 200 with broken JSON (acted)
//   slowBody         share that do the work, then send the answer slowly over slowBodyMs (acted)
//   storm429         the next N requests are all answered 429 (a rate-limit storm)
//   echoHeaders      share answered 400 before any work, the error message echoing the request's
//                    headers verbatim (as JSON and URL-encoded), as careless APIs do (not acted)
//   only             { method, path }: the random faults above meet only matching requests
//                    (path: the fake's own path, e.g. /v1/call; a prefix matches)
//   script           [{ method, path, fault, skip = 0, times = 1 }]: after `skip` matching requests,
//                    the next `times` get `fault`, whatever the dice say (a fault aimed at one request)

function mulberry32(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const KINDS = ['rate429', 'rate503', 'rate500', 'resetBeforeRead', 'resetAfterRead', 'malformedJson', 'slowBody', 'echoHeaders'];

class FaultPlan {
	constructor(plan = {}) {
		this.plan = { latencyMs: 0, retryAfterSeconds: 1, slowBodyMs: 300, seed: 1, storm429: 0, ...plan };
		this.random = mulberry32(this.plan.seed);
		this.stormLeft = Number(this.plan.storm429 ?? 0);
		this.script = (this.plan.script ?? []).map((step) => ({ skip: 0, times: 1, ...step, seen: 0 }));
	}

	/** The fault for the next request (`method`, the fake's own `path`), or 'none'. */
	next(method = '', path = '') {
		const matches = (filter) =>
			(!filter.method || filter.method === method) && (!filter.path || path === filter.path || path.startsWith(`${filter.path}/`));
		for (const step of this.script) {
			if (!matches(step)) continue;
			step.seen += 1;
			if (step.seen > step.skip && step.seen <= step.skip + step.times) return step.fault;
		}
		if (this.plan.only && !matches(this.plan.only)) return 'none';
		if (this.stormLeft > 0) {
			this.stormLeft -= 1;
			return 'rate429';
		}
		let roll = this.random();
		for (const kind of KINDS) {
			const rate = Number(this.plan[kind] ?? 0);
			if (roll < rate) return kind;
			roll -= rate;
		}
		return 'none';
	}

	get latencyMs() {
		return Number(this.plan.latencyMs ?? 0);
	}
}

/** Faults decided before the request is handled: the server does no work. */
const BEFORE_WORK = new Set(['rate429', 'rate503', 'resetBeforeRead', 'echoHeaders']);

module.exports = { FaultPlan, BEFORE_WORK };
