// Bulk calling under faults: retries where the server surely did not act, never a second dial,
// and every item accounted for. The sandbox's record of requests and calls is the judge.
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

const AGENT = 'agent_SandboxReminder01';
const indianNumber = (index: number) => `9${String(100000000 + index).padStart(9, '0')}`;

function initiate(items: object[], requestOptions: object = {}, extra: Partial<NodeRunOptions> = {}) {
	return runNode({
		type: 'osvi',
		parameters: {
			resource: 'call',
			operation: 'initiate',
			agent: { __rl: true, mode: 'id', value: AGENT },
			phoneNumber: '={{ $json.phone }}',
			country: 'IN',
			requestOptions,
		},
		items: items as NodeRunOptions['items'],
		continueOnFail: true,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
		...extra,
	});
}

test('1,000 calls with 10 % injected faults: nobody is dialled twice and every item is accounted for', async () => {
	sandbox.setFaults({
		seed: 7,
		// Faults meet the call requests; the lookups in the call list after an unclear answer read cleanly.
		only: { method: 'POST', path: '/v1/call' },
		rate429: 0.04,
		retryAfterSeconds: 0,
		rate503: 0.01,
		rate500: 0.01,
		resetBeforeRead: 0.01,
		resetAfterRead: 0.01,
		malformedJson: 0.01,
		slowBody: 0.01,
		slowBodyMs: 20,
	});
	const phones = Array.from({ length: 1000 }, (_, index) => indianNumber(index));
	const { items, error } = await initiate(phones.map((phone) => ({ phone })), { concurrency: 8 });
	expect(error).toBeUndefined();

	// Every input item ends as exactly one output item, in order.
	expect(items).toHaveLength(1000);
	expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(phones.map((_, index) => index));

	// Nobody was dialled twice.
	const callsPerPhone = new Map<string, number>();
	for (const call of sandbox.osvi.calls) callsPerPhone.set(call.phone_number, (callsPerPhone.get(call.phone_number) ?? 0) + 1);
	expect(Math.max(...callsPerPhone.values())).toBe(1);

	// Each successful item names the call the sandbox really placed for its number.
	const callIdByPhone = new Map(sandbox.osvi.calls.map((call) => [call.phone_number, call.call_id]));
	const succeeded = items.filter((item) => !item.json.error);
	for (const item of succeeded) expect(item.json.call_id).toBe(callIdByPhone.get(item.json.phone_number as string));

	// An unclear answer is never answered by a second request: the call is looked up in OSVI's list.
	// Where the server had placed it, the item reports it (outcome "placed"); where it had not, the
	// item says the outcome is unknown. The faults explain every one of them.
	const failed = items.filter((item) => item.json.error);
	for (const item of failed) {
		expect(item.json.error).toContain('may or may not have been carried out');
		expect(item.json.outcome).toBe('unknown');
	}
	const postFaults = sandbox.requests.filter((request) => request.method === 'POST' && request.path === '/v1/call');
	const ambiguous = postFaults.filter((request) => ['rate503', 'rate500', 'resetBeforeRead', 'resetAfterRead', 'malformedJson'].includes(request.fault));
	const actedUnclearly = ambiguous.filter((request) => ['rate500', 'resetAfterRead', 'malformedJson'].includes(request.fault));
	const found = items.filter((item) => item.json.found_in_call_list === true);
	expect(found.length).toBe(actedUnclearly.length);
	expect(found.every((item) => item.json.outcome === 'placed')).toBe(true);
	expect(failed.length).toBe(ambiguous.length - actedUnclearly.length);
	expect(failed.length).toBeGreaterThan(0);
	expect(succeeded.length + failed.length).toBe(1000);

	// 429s were retried: more attempts than items, and every number that got a 429 got through afterwards.
	const limited = postFaults.filter((request) => request.fault === 'rate429');
	expect(limited.length).toBeGreaterThan(10);
	expect(postFaults.length).toBe(1000 + limited.length);
	const placedPhones = new Set(sandbox.osvi.calls.map((call) => call.phone_number.replace('+91', '')));
	for (const request of limited) {
		const later = postFaults.find((other) => other.at >= request.at && other !== request && other.body?.phone_number === request.body.phone_number && other.fault !== 'rate429');
		expect(later).toBeDefined();
		if (later?.fault === 'none' || later?.fault === 'slowBody') expect(placedPhones.has(request.body.phone_number)).toBe(true);
	}
}, 120_000);

test('a 429 storm: the node slows down as Retry-After says, and finishes', async () => {
	sandbox.setFaults({ storm429: 3, retryAfterSeconds: 1 });
	const { items } = await initiate([{ phone: '9876543211' }], { concurrency: 1 });
	expect(items[0].json.call_id).toEqual(expect.any(String));
	const attempts = sandbox.requests.filter((request) => request.path === '/v1/call');
	expect(attempts.map((request) => request.fault)).toEqual(['rate429', 'rate429', 'rate429', 'none']);
	const gaps = attempts.slice(1).map((request, index) => request.at - attempts[index].at);
	for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(950);
	expect(sandbox.osvi.calls).toHaveLength(1);
}, 30_000);

test('when Retry-After is longer than the retry budget, the item fails with the rate limit and is not placed', async () => {
	sandbox.setFaults({ storm429: 10, retryAfterSeconds: 30 });
	const { items } = await initiate([{ phone: '9876543211' }], { maxRetryWaitSeconds: 5 });
	expect(items[0].json).toMatchObject({ httpCode: '429' });
	expect(sandbox.requests.filter((request) => request.path === '/v1/call')).toHaveLength(1);
	expect(sandbox.osvi.calls).toHaveLength(0);
});

test('Max Attempts = 1 turns retries off', async () => {
	sandbox.setFaults({ storm429: 1, retryAfterSeconds: 0 });
	const { items } = await initiate([{ phone: '9876543211' }], { maxAttempts: 1 });
	expect(items[0].json.httpCode).toBe('429');
	expect(sandbox.requests).toHaveLength(1);
});

test('a connection refused before anything was sent is retried for calls too (and then reported)', async () => {
	const { items } = await runNode({
		type: 'osvi',
		parameters: { resource: 'call', operation: 'initiate', agent: { __rl: true, mode: 'id', value: AGENT }, phoneNumber: '9876543211', country: 'IN', requestOptions: { maxAttempts: 3, maxRetryWaitSeconds: 5 } },
		continueOnFail: true,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: 'http://127.0.0.1:9/osvi' } },
	});
	expect(items[0].json.error).toBe('Could not reach 127.0.0.1:9');
});

test('reads are retried after 5xx, resets and unreadable answers', async () => {
	sandbox.osvi.seedCalls(1);
	const callId = sandbox.osvi.calls[0].call_id;
	for (const fault of ['rate500', 'rate503', 'resetBeforeRead', 'resetAfterRead', 'malformedJson']) {
		sandbox.reset();
		sandbox.osvi.seedCalls(0);
		sandbox.osvi.calls.push({ call_id: callId, status: 'picked', phone_number: '+919876543211', agent_uuid: AGENT });
		sandbox.setFaults({ [fault]: 1, seed: 1 });
		const pending = runNode({
			type: 'osvi',
			parameters: { resource: 'call', operation: 'get', callId, requestOptions: { maxAttempts: 3 } },
			credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
		});
		// Turn the fault off after the first attempt so a retry can succeed.
		await new Promise((resolve) => setTimeout(resolve, 100));
		sandbox.setFaults({});
		const { items, error } = await pending;
		expect({ fault, error: error?.message }).toEqual({ fault, error: undefined });
		expect(items[0].json.call_id).toBe(callId);
		expect(sandbox.requests.length).toBeGreaterThanOrEqual(2);
	}
}, 60_000);

test('without Concurrency set, 32 requests at once: the default', async () => {
	sandbox.setFaults({ latencyMs: 50 });
	const phones = Array.from({ length: 40 }, (_, index) => indianNumber(index));
	const { items } = await initiate(phones.map((phone) => ({ phone })));
	expect(sandbox.maxInFlight).toBe(32);
	expect(items).toHaveLength(40);
});

test.each([1, 3, 8])('concurrency %i: at most that many requests at once, output order and pairing kept', async (concurrency) => {
	sandbox.setFaults({ latencyMs: 20 });
	const phones = Array.from({ length: 40 }, (_, index) => indianNumber(index));
	const { items } = await initiate(phones.map((phone) => ({ phone })), { concurrency });
	expect(sandbox.maxInFlight).toBe(concurrency);
	expect(items.map((item) => item.json.phone_number)).toEqual(phones.map((phone) => `+91${phone}`));
	expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(phones.map((_, index) => index));
});
