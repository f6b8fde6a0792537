'use strict';
// Call → Wait for Calling Hours in queue mode, run by queue.e2e.test.js with its running cluster: a
// worker runs the hold and puts the execution to wait; the worker is stopped while it waits (so the
// rest is certain to run elsewhere, and a held execution is shown to hold no worker); when the
// hours open, n8n's main (its wait tracker) puts the execution back on the queue and the other
// worker places the one call.
const { holdWorkflow, startHold } = require('./callingHours');
const { runData } = require('./queueHelpers');

const PATH = 'queue-hold-hours';
/** An Indian mobile number the sandbox's OSVI answers. */
const PHONE = '9512345672';

const holdHoursWorkflow = holdWorkflow('queueHoldHours', PATH);

async function holdAcrossWorkers({ queue, sandbox }) {
	sandbox.reset();
	let stopped;
	try {
		const { execution, opensAt } = await startHold(`${queue.webhookUrl}/webhook/${PATH}`, PHONE);
		const waiting = await queue.api.waitForStatus(execution, 'waiting', 120000, { includeData: false });
		expect(new Date(waiting.waitTill).getTime()).toBe(opensAt);
		const heldOn = queue.workersOf(execution);
		expect(heldOn).toHaveLength(1);
		stopped = queue.workers.find((worker) => worker.name === heldOn[0]);
		const other = queue.workers.find((worker) => worker !== stopped);
		await queue.stopWorker(stopped);
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(0);

		const done = await queue.api.waitForStatus(execution, ['success', 'error', 'crashed'], opensAt - Date.now() + 180000);
		expect(done.status).toBe('success');
		// One run on each worker: held on the stopped one, resumed and finished on the other.
		expect([...queue.workersOf(execution)].sort()).toEqual([stopped.name, other.name].sort());
		const placed = sandbox.received('osvi', 'POST', '/v1/call');
		expect(placed.map((request) => request.body.phone_number)).toEqual([PHONE]);
		expect(placed[0].at).toBeGreaterThanOrEqual(opensAt);
		expect(runData(done, 'Call')[0].json.call_id).toEqual(expect.any(String));
	} finally {
		if (stopped) await queue.startWorker(stopped);
	}
}

module.exports = { holdAcrossWorkers, holdHoursWorkflow, holdHoursPath: PATH };
