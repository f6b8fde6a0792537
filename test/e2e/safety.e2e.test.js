'use strict';
// Nobody is called twice under n8n's own settings, in a real n8n (each pinned version): node
// Settings → Retry On Fail with faults on the call requests, Continue On Fail off. The sandbox's
// record of the requests it acted on is the judge.
const { startSandbox } = require('../../sandbox');
const { N8nInstance, selectedVersions } = require('../../tools/n8n');
const { byId, chain } = require('./workflows');

const AGENT = 'agent_SandboxReminder01';
const ROWS = Array.from({ length: 40 }, (_, index) => ({ phone: `91000${String(10000 + index)}` }));
const CALLS = { method: 'POST', path: '/v1/call' };

const callStep = (extra = {}) => ({
	name: 'OSVI',
	type: 'osvi',
	parameters: {
		resource: 'call',
		operation: 'initiate',
		agent: byId(AGENT),
		phoneNumber: '={{ $json.phone }}',
		country: 'IN',
		requestOptions: { concurrency: 4, maxAttempts: 1 },
	},
	retryOnFail: true,
	maxTries: 3,
	waitBetweenTries: 0,
	...extra,
});

function dialsPerNumber(sandbox) {
	const dials = new Map();
	for (const request of sandbox.received('osvi', 'POST', '/v1/call').filter((entry) => entry.acted)) {
		dials.set(request.body.phone_number, (dials.get(request.body.phone_number) ?? 0) + 1);
	}
	return dials;
}

describe.each(selectedVersions())('n8n %s', (version) => {
	let sandbox;
	let n8n;

	beforeAll(async () => {
		sandbox = await startSandbox({ callDurationMs: 60_000 });
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials([sandbox.credential('osvi')]);
		await n8n.importWorkflows([
			chain('e2eSafetyRetry0001', 'Retry On Fail', [callStep()], { rows: ROWS }),
			chain('e2eSafetyRetryCof1', 'Retry On Fail, Continue On Fail', [callStep({ onError: 'continueRegularOutput' })], { rows: ROWS }),
		]);
	}, 900_000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	});

	beforeEach(() => sandbox.reset());

	test('Retry On Fail, an unclear answer on the 20th call and 500s after the work on others: nobody is dialled twice, the stop reports the calls placed', async () => {
		// The 20th call request is answered 503 before any work (unknown to the node; nothing to find
		// in the call list); 10 % of the others do the work and then answer 500 (found in the list).
		sandbox.setFaults({ seed: 4, only: CALLS, rate500: 0.1, script: [{ ...CALLS, fault: 'rate503', skip: 19 }] });
		const { code, run } = await n8n.execute('e2eSafetyRetry0001');
		expect(code).toBe(1);
		const dials = dialsPerNumber(sandbox);
		expect(dials.size).toBeGreaterThan(30);
		expect(Math.max(...dials.values())).toBe(1);
		const error = run.data.resultData.runData.OSVI[0].error;
		expect(error.message).toMatch(/^Not sent again: an earlier try of this node got no clear answer/);
		expect(error.description).toMatch(/Carried out before the node stopped \(\d+\): item 0 \(call_id /);
		expect(error.context.carriedOut.length).toBeGreaterThanOrEqual(dials.size - 4);
	}, 300_000);

	test('Retry On Fail with Continue On Fail: every item accounted for once, nobody dialled twice', async () => {
		sandbox.setFaults({ seed: 9, only: CALLS, rate500: 0.1, script: [{ ...CALLS, fault: 'rate503' }] });
		const { code, run } = await n8n.execute('e2eSafetyRetryCof1');
		expect(code).toBe(0);
		const items = run.data.resultData.runData.OSVI[0].data.main[0];
		expect(items).toHaveLength(ROWS.length);
		expect(items[0].json).toMatchObject({ outcome: 'unknown' });
		expect(Math.max(...dialsPerNumber(sandbox).values())).toBe(1);
		// Each request reached the API once over all tries.
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(ROWS.length);
	}, 300_000);
});
