// Network failures named the same way on both n8n lines (n8n 1.x puts the code only in httpCode).
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 60_000 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

function initiate(requestOptions: object) {
	return runNode({
		type: 'osvi',
		parameters: {
			resource: 'call',
			operation: 'initiate',
			agent: { __rl: true, mode: 'id', value: 'agent_SandboxReminder01' },
			phoneNumber: '9876543211',
			country: 'IN',
			requestOptions,
		},
		continueOnFail: true,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
	});
}

const getCall = (requestOptions: object) =>
	runNode({
		type: 'osvi',
		parameters: { resource: 'call', operation: 'get', callId: 'c-1', requestOptions },
		continueOnFail: true,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
	});
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a call request that gets no answer in time: called a timeout, may have been placed, not sent again', async () => {
	// Every answer comes after 2.5 s: the call is placed, but neither its answer nor the call list arrives in time.
	sandbox.setFaults({ latencyMs: 2_500 });
	const { items } = await initiate({ timeoutSeconds: 1, maxAttempts: 2, maxRetryWaitSeconds: 1 });
	expect(items[0].json).toMatchObject({ outcome: 'unknown', reason: expect.stringMatching(/^No answer within 1 s \(timeout, E[A-Z]+\)$/) });
	expect(items[0].json.error).toMatch(/may or may not have been carried out/);
	await settle(3_000); // the sandbox logs a request when it gets to it
	expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(1);
}, 40_000);

test('a read that gets no answer in time: retried, then called a timeout (not "could not reach")', async () => {
	sandbox.setFaults({ latencyMs: 2_500 });
	const { items } = await getCall({ timeoutSeconds: 1, maxAttempts: 2, maxRetryWaitSeconds: 1 });
	expect(items[0].json.error).toMatch(/did not answer within 1 s$/);
	expect(items[0].json.description).toMatch(/^No answer within 1 s \(timeout, E[A-Z]+\)/);
	await settle(3_000);
	expect(sandbox.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
}, 40_000);

test('a read whose answer is cut off: retried, then "no complete answer"', async () => {
	const read = { method: 'GET', path: '/v1/call' };
	sandbox.setFaults({ only: read, slowBodyMs: 2_500, script: [{ ...read, fault: 'slowBody', times: 10 }] });
	const { items } = await getCall({ timeoutSeconds: 1, maxAttempts: 2, maxRetryWaitSeconds: 1 });
	expect(items[0].json.error).toMatch(/^No complete answer from /);
	expect(sandbox.requests.filter((request) => request.method === 'GET')).toHaveLength(2);
}, 40_000);
