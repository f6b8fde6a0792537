'use strict';
// A durable wait (Wait for Result: Durable (Webhook), docs/waiting.md) in queue mode, run by
// queue.e2e.test.js with its running cluster: a webhook call to the webhook processor starts the
// workflow, a worker places the OSVI call and puts the execution to wait, the sandbox posts the
// call's result to the execution's resume URL (served by the webhook processor, /webhook-waiting/…),
// and a worker runs the rest of the workflow.
//
// n8n does not choose the worker that resumes an execution: the resumed run is a new job on the
// queue, taken by whichever worker asks Redis first, which may be the one that placed the call. To
// make "resumed on the other worker" certain rather than likely, the test stops the placing worker
// (SIGTERM, as a deployment scaling down or restarting it would) while the execution waits, and
// starts it again afterwards for the rest of the suite. That also shows a waiting execution holds
// no worker: its worker can go away.
const { byId, webhookChain } = require('./workflows');
const { runData } = require('./queueHelpers');

const PATH = 'queue-durable-wait';
/** An Indian mobile number ending in 1 to 6: the sandbox's OSVI answers it (and posts its result). */
const PHONE = '9512345671';

const durableWaitWorkflow = webhookChain('queueDurableWait', PATH, [
	{
		name: 'Call',
		type: 'osvi',
		parameters: {
			resource: 'call',
			operation: 'initiate',
			agent: byId('agent_SandboxReminder01'),
			phoneNumber: '={{ $json.body.phone }}',
			country: 'IN',
			dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', outputFormat: 'yes or no' }] },
			waitForResult: 'durable',
		},
	},
	{ name: 'After', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} },
]);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(read, what, timeoutMs = 60000) {
	const end = Date.now() + timeoutMs;
	for (let value = read(); Date.now() < end; value = read()) {
		if (value) return value;
		await sleep(200);
	}
	throw new Error(`not in time: ${what}`);
}

/** The call as OSVI's API shows it (GET /v1/call/{id}, what Call → Get outputs). */
async function osviCall(sandbox, callId) {
	const response = await fetch(`${sandbox.osviUrl}/v1/call/${encodeURIComponent(callId)}`, { headers: { 'API-Token': sandbox.osviToken } });
	expect(response.status).toBe(200);
	return (await response.json()).data;
}

async function durableWaitAcrossWorkers({ queue, sandbox, version }) {
	sandbox.reset();
	// The call ends when the test ends it, not after the suite's 300 ms.
	const callDurationMs = sandbox.osvi.callDurationMs;
	sandbox.osvi.callDurationMs = 3_600_000;
	let stopped;
	try {
		const started = await fetch(`${queue.webhookUrl}/webhook/${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: PHONE }) });
		expect(started.status).toBe(200);
		const call = await until(() => sandbox.osvi.calls.find((entry) => entry.phone_number === `+91${PHONE}`), 'the call placed');
		// The resume URL is the webhook processor's: /webhook-waiting/<execution ID>/<node ID>.
		const resumeUrl = new URL(call.request.webhook_url);
		expect(resumeUrl.origin).toBe(queue.webhookUrl);
		const [, endpoint, id, nodeId] = resumeUrl.pathname.split('/');
		expect([endpoint, nodeId]).toEqual(['webhook-waiting', 'queueDurableWait-step0']);
		expect(resumeUrl.searchParams.has('signature')).toBe(version.startsWith('2.'));
		await queue.api.waitForStatus(id, 'waiting', 120000, { includeData: false });

		const placedOn = queue.workersOf(id);
		expect(placedOn).toHaveLength(1);
		stopped = queue.workers.find((worker) => worker.name === placedOn[0]);
		const other = queue.workers.find((worker) => worker !== stopped);
		await queue.stopWorker(stopped);
		expect((await queue.api.execution(id, { includeData: false })).status).toBe('waiting');

		expect(sandbox.osvi.endCall(call.call_id)).toBe(true);
		const delivery = await until(() => sandbox.osvi.webhookDeliveries.find((entry) => entry.url === call.request.webhook_url), 'the resume delivery');
		expect(delivery.status).toBe(200);
		expect(JSON.parse(delivery.answer)).toEqual({ received: true, resumed: true });
		const done = await queue.api.waitForStatus(id, ['success', 'error', 'crashed'], 180000);
		expect(done.status).toBe('success');

		// One run on each worker: placed on the stopped one, resumed and finished on the other.
		expect(Object.fromEntries(queue.workers.map((worker) => [worker.name, queue.workersOf(id).filter((name) => name === worker.name).length]))).toEqual({
			[stopped.name]: 1,
			[other.name]: 1,
		});
		const [item] = runData(done, 'Call');
		const asOsviHasIt = await osviCall(sandbox, call.call_id);
		expect(asOsviHasIt).toMatchObject({ call_id: call.call_id, status: 'picked', data_captured: { confirmed: 'yes' } });
		expect(item.json).toEqual({ ...asOsviHasIt, timed_out: false, wait_id: expect.any(String) });
		expect(runData(done, 'After').map((after) => after.json.call_id)).toEqual([call.call_id]);
		expect(sandbox.received('osvi', 'POST', '/v1/call').filter((request) => request.body.phone_number === PHONE)).toHaveLength(1);
		expect(sandbox.osvi.calls).toHaveLength(1);
	} finally {
		sandbox.osvi.callDurationMs = callDurationMs;
		// The rest of the suite runs with both workers.
		if (stopped) await queue.startWorker(stopped);
	}
}

module.exports = { durableWaitAcrossWorkers, durableWaitWorkflow, durableWaitPath: PATH };
