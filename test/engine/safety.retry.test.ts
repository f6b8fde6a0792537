// n8n's own "Retry On Fail" (node Settings), run by n8n-core's real retry loop, on every platform:
// nobody is called twice, and what a stopped run carried out is reported. The sandbox's record of
// the requests it acted on is the judge.
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode } from './harness';
import type { NodeRunOptions } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 60_000 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

interface Platform {
	type: string;
	/** The sandbox's name for the platform and the path that places a call. */
	fake: string;
	callPath: string;
	credentials: () => NodeRunOptions['credentials'];
	parameters: NodeRunOptions['parameters'];
	phone: (index: number) => string;
	/** The number a request dialled, as the API received it. */
	dialled: (body: Record<string, unknown>) => string;
	callIdOf: (json: Record<string, unknown>) => unknown;
}

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const indian = (index: number) => `9${String(100000000 + index).padStart(9, '0')}`;
const american = (index: number) => `+1415555${1000 + index}`;

const platforms: Platform[] = [
	{
		type: 'osvi',
		fake: 'osvi',
		callPath: '/v1/call',
		credentials: () => ({ osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } }),
		parameters: { resource: 'call', operation: 'initiate', agent: rl('agent_SandboxReminder01'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phone: indian,
		dialled: (body) => String(body.phone_number),
		callIdOf: (json) => json.call_id,
	},
	{
		type: 'klenAi',
		fake: 'klen',
		callPath: '/api/v1/calls',
		credentials: () => ({ klenAiApi: { apiKey: sandbox.klenKey, baseUrl: sandbox.klenUrl } }),
		parameters: { resource: 'call', operation: 'initiate', agent: rl('11'), phoneNumber: '={{ $json.phone }}', country: 'US' },
		phone: american,
		dialled: (body) => String(body.phone_number),
		callIdOf: (json) => json.call_id,
	},
	{
		type: 'voiceOs',
		fake: 'voiceos',
		callPath: '/conversations/create_phone_call',
		credentials: () => ({ voiceOsApi: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } }),
		parameters: {
			resource: 'call',
			operation: 'createPhoneCall',
			agent: rl('agt_1'),
			fromNumber: rl('+14155550100', 'list'),
			toNumber: '={{ $json.phone }}',
			country: 'US',
		},
		phone: american,
		dialled: (body) => String(body.to_number),
		callIdOf: (json) => json.id,
	},
	{
		type: 'unleashX',
		fake: 'unleashx',
		callPath: '/api/v1/global/agents/call',
		credentials: () => ({ unleashXApi: { apiToken: sandbox.unleashxToken, baseUrl: sandbox.unleashxUrl } }),
		parameters: { resource: 'call', operation: 'makeCall', agent: rl('501'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phone: indian,
		dialled: (body) => String(body.phone_number),
		callIdOf: (json) => json.execution_id,
	},
];

function place(platform: Platform, count: number, extra: Partial<NodeRunOptions> = {}, requestOptions: object = {}) {
	return runNode({
		type: platform.type,
		parameters: { ...platform.parameters, requestOptions: { concurrency: 4, ...requestOptions } },
		items: Array.from({ length: count }, (_, index) => ({ phone: platform.phone(index) })),
		credentials: platform.credentials(),
		retryOnFail: { maxTries: 3, waitBetweenTries: 0 },
		...extra,
	});
}

/** How many times the sandbox acted on a call request for each number. */
function dialsPerNumber(platform: Platform): Map<string, number> {
	const dials = new Map<string, number>();
	for (const request of sandbox.received(platform.fake, 'POST', platform.callPath)) {
		if (!(request as { acted?: boolean }).acted) continue;
		const number = platform.dialled(request.body as Record<string, unknown>);
		dials.set(number, (dials.get(number) ?? 0) + 1);
	}
	return dials;
}

describe.each(platforms)('Retry On Fail on $type', (platform) => {
	test('an unclear answer with Continue On Fail off: nobody is dialled twice, and the stop reports every call placed', async () => {
		// The 40th call request is answered 503 before any work (the node cannot know that; no call
		// shows in the list), and 4 % of the others do the work and then answer 500 (found in the list).
		const only = { method: 'POST', path: platform.callPath };
		sandbox.setFaults({ seed: 11, only, rate500: 0.04, script: [{ ...only, fault: 'rate503', skip: 39 }] });
		const { items, error } = await place(platform, 100, {}, { maxAttempts: 1 });
		const dials = dialsPerNumber(platform);
		expect(Math.max(...dials.values())).toBe(1);
		expect(items).toHaveLength(0);
		// The last try stops on the same item, which it did not send again.
		expect(error?.message).toMatch(/^Not sent again: an earlier try of this node got no clear answer/);
		const carriedOut = (error?.context?.carriedOut ?? []) as Array<{ item: number; output: Array<Record<string, unknown>> }>;
		expect(error?.description).toContain(`Carried out before the node stopped (${carriedOut.length})`);
		expect(carriedOut.every(({ output }) => platform.callIdOf(output[0]))).toBe(true);
		// Every call the sandbox placed is reported, but for the few under way when the last try stopped.
		const acted = sandbox.received(platform.fake, 'POST', platform.callPath).filter((request) => (request as { acted?: boolean }).acted);
		expect(carriedOut.length).toBeLessThanOrEqual(acted.length);
		expect(carriedOut.length).toBeGreaterThanOrEqual(36);
	});

	test('a failure the API surely did not act on: the retry sends only what was not carried out, and the output is complete', async () => {
		// A rate limit with no retries left: the API did not act, so a later try may send the item.
		sandbox.setFaults({ seed: 3, only: { method: 'POST', path: platform.callPath }, rate429: 0.03, retryAfterSeconds: 0 });
		const { items, error } = await place(platform, 60, {}, { maxAttempts: 1 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(60);
		const dials = dialsPerNumber(platform);
		expect(dials.size).toBe(60);
		expect(Math.max(...dials.values())).toBe(1);
		// The output is what a run without faults gives: one item per input, in order, each with its call.
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(Array.from({ length: 60 }, (_, index) => index));
		expect(items.every((item) => platform.callIdOf(item.json) !== undefined && item.json.error === undefined)).toBe(true);
		expect(new Set(items.map((item) => platform.callIdOf(item.json))).size).toBe(60);
	});
});

test('Continue On Fail off, item 27 refused by the API: the error lists the 27 calls placed before it', async () => {
	const [osvi] = platforms;
	const items = Array.from({ length: 40 }, (_, index) => ({
		phone: indian(index),
		agent: index === 27 ? 'agent_OtherAccount99' : 'agent_SandboxReminder01',
	}));
	const { error } = await runNode({
		type: 'osvi',
		parameters: { ...osvi.parameters, agent: rl('={{ $json.agent }}'), requestOptions: { concurrency: 1 } },
		items,
		credentials: osvi.credentials(),
	});
	expect(error?.message).toMatch(/OSVI/);
	const carriedOut = error?.context?.carriedOut as Array<{ item: number; output: Array<{ call_id: string }> }>;
	expect(carriedOut.map(({ item }) => item)).toEqual(Array.from({ length: 27 }, (_, index) => index));
	const placed = new Set(sandbox.osvi.calls.map((call) => call.call_id));
	expect(carriedOut.every(({ output }) => placed.has(output[0].call_id))).toBe(true);
	expect(error?.description).toMatch(/Carried out before the node stopped \(27\): item 0 \(call_id [^)]+\), item 1/);
});

test('Retry On Fail with Continue On Fail on and a failed first item: n8n re-runs the node, nothing is sent twice', async () => {
	const [osvi] = platforms;
	// The first request is answered 503 (before any work, which the node cannot know, and no call
	// shows in the list); n8n sees an error in the first output item and runs the node again
	// (that is how it retries with Continue On Fail).
	sandbox.setFaults({ only: { method: 'POST', path: '/v1/call' }, script: [{ method: 'POST', path: '/v1/call', fault: 'rate503' }] });
	const { items } = await place(osvi, 10, { continueOnFail: true }, { maxAttempts: 1, concurrency: 1 });
	expect(items).toHaveLength(10);
	expect(items[0].json).toMatchObject({ outcome: 'unknown' });
	expect(items[0].json.error).toMatch(/Not sent again: an earlier try of this node got no clear answer/);
	// Each item's request reached the API exactly once over all tries.
	expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(10);
	expect(Math.max(...dialsPerNumber(osvi).values())).toBe(1);
});
