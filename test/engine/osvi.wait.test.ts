import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 300 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	sandbox.osvi.callDurationMs = 300;
	sandbox.osvi.visibilityDelayMs = 0;
	sandbox.osvi.analysisDelayMs = 0;
});

function initiateAndWait(phone: string, options: object, continueOnFail = false) {
	return runNode({
		type: 'osvi',
		parameters: {
			resource: 'call',
			operation: 'initiate',
			agent: { __rl: true, mode: 'id', value: 'agent_SandboxReminder01' },
			phoneNumber: phone,
			country: 'IN',
			dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', outputFormat: 'yes or no' }] },
			options: { waitForCompletion: true, pollIntervalSeconds: 0.05, maxWaitMinutes: 0.05, ...options },
		},
		continueOnFail,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
	});
}

const polls = () => sandbox.requests.filter((request) => request.method === 'GET' && /^\/v1\/call\/[^/]+$/.test(request.path));

describe('Call → Initiate with Wait for Completion', () => {
	test('an answered call: waits through "not visible yet", "in progress" and "analysis pending", outputs the finished call', async () => {
		sandbox.osvi.visibilityDelayMs = 100;
		sandbox.osvi.analysisDelayMs = 200;
		const { items, error } = await initiateAndWait('9876543211', { includeTranscript: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			status: 'picked',
			phone_number: '+919876543211',
			summary: expect.any(String),
			data_captured: { confirmed: 'yes' },
			post_call_analysis: { outcome: 'success' },
		});
		expect((items[0].json.transcript as unknown[]).length).toBe(3);
		// It kept polling while the call was invisible (404), running, and awaiting analysis.
		expect(polls().length).toBeGreaterThanOrEqual(6);
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(1);
	});

	test('an unanswered call ends the wait with its status', async () => {
		const { items, error } = await initiateAndWait('9876543210', {});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'not_picked', summary: null });
	});

	test('timeout: a clear error with the call ID, and the call is not placed again', async () => {
		sandbox.osvi.callDurationMs = 60_000;
		const { error } = await initiateAndWait('9876543211', { maxWaitMinutes: 0.01 });
		const callId = sandbox.osvi.calls[0].call_id;
		expect(error?.message).toBe(`Call ${callId} did not finish within 0.01 minutes: it may still be running`);
		expect(error?.description).toContain('do not place it again');
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(1);
	});

	test('timeout with Continue On Fail: an error item that carries the call ID and last status', async () => {
		sandbox.osvi.callDurationMs = 60_000;
		const { items } = await initiateAndWait('9876543211', { maxWaitMinutes: 0.01 }, true);
		const callId = sandbox.osvi.calls[0].call_id;
		expect(items[0].json).toMatchObject({ call_id: callId, status: 'in_progress', error: expect.stringContaining('may still be running') });
	});
});
