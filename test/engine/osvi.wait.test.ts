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

// "Wait for Completion" and its options are from before Wait for Result (test/engine/waiting/):
// workflows that have them switched on still wait, by Polling.
describe('Call → Initiate with the old Wait for Completion option', () => {
	test('an answered call: waits through "not visible yet", "in progress" and "analysis pending", outputs the finished call', async () => {
		sandbox.osvi.visibilityDelayMs = 400;
		sandbox.osvi.analysisDelayMs = 400;
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
		expect(polls().some((poll) => poll.status === 404)).toBe(true);
		expect(polls().length).toBeGreaterThanOrEqual(3);
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(1);
	});

	test('an unanswered call ends the wait with its status', async () => {
		const { items, error } = await initiateAndWait('9876543210', {});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'not_picked', summary: null });
	});

	test('at Max Wait the call comes out as last read, with timed_out: true, and is not placed again', async () => {
		sandbox.osvi.callDurationMs = 60_000;
		const { items, error } = await initiateAndWait('9876543211', { maxWaitMinutes: 0.01 });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ call_id: sandbox.osvi.calls[0].call_id, status: 'in_progress', timed_out: true });
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(1);
	});

	test('switched off, or with Wait for Result set, the option is not what decides', async () => {
		const off = await initiateAndWait('9876543211', { waitForCompletion: false });
		expect(Object.keys(off.items[0].json)).not.toContain('timed_out');
		expect(polls()).toHaveLength(0);
	});
});
