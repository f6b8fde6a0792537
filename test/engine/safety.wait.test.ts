// Wait for Completion after the call was placed: status reads are retried like every read, and
// any error after the call was placed carries its ID, so nobody places it again by mistake.
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 200 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const statusRead = { method: 'GET', path: '/v1/call' };

function initiateAndWait(continueOnFail: boolean) {
	return runNode({
		type: 'osvi',
		parameters: {
			resource: 'call',
			operation: 'initiate',
			agent: { __rl: true, mode: 'id', value: 'agent_SandboxReminder01' },
			phoneNumber: '9876543211',
			country: 'IN',
			options: { waitForCompletion: true, pollIntervalSeconds: 0.1, maxWaitMinutes: 0.2 },
			requestOptions: { maxAttempts: 3, maxRetryWaitSeconds: 2 },
		},
		continueOnFail,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
	});
}

test('a 500 on the first status read: the read is retried, the call completes and is returned', async () => {
	sandbox.setFaults({ only: statusRead, script: [{ ...statusRead, fault: 'rate500' }] });
	const { items, error } = await initiateAndWait(false);
	expect(error).toBeUndefined();
	const [call] = sandbox.osvi.calls;
	expect(items[0].json).toMatchObject({ call_id: call.call_id, status: 'picked' });
	const reads = sandbox.requests.filter((request) => request.method === 'GET' && request.path === `/v1/call/${call.call_id}`);
	expect(reads[0].fault).toBe('rate500');
	expect(reads.length).toBeGreaterThan(1);
	expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(1);
});

test('status reads that keep failing: the error item carries the placed call ID (Continue On Fail)', async () => {
	sandbox.setFaults({ only: statusRead, rate500: 1 });
	const { items } = await initiateAndWait(true);
	const [call] = sandbox.osvi.calls;
	expect(items[0].json).toMatchObject({ call_id: call.call_id, phone_number: '+919876543211', error: expect.stringMatching(/OSVI/) });
	expect(items[0].json.description).toContain(`The call was placed (call ID ${call.call_id}): do not place it again`);
	expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(1);
});

test('status reads that keep failing, Continue On Fail off: the node stops naming the placed call', async () => {
	sandbox.setFaults({ only: statusRead, rate500: 1 });
	const { error } = await initiateAndWait(false);
	const [call] = sandbox.osvi.calls;
	expect(error?.description).toContain(`call ID ${call.call_id}`);
	expect((error?.context?.itemOutput as { call_id?: string }).call_id).toBe(call.call_id);
});
