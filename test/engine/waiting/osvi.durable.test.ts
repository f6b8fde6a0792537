// OSVI Call → Initiate with Wait for Result "Durable (Webhook)", through n8n-core's real execution:
// the execution is stored as n8n stores a waiting one, the sandbox plays the call out and posts its
// post-call webhook to the resume URL, and the harness serves that URL as n8n's /webhook-waiting/.
import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { WaitingExecutions, waitUntil } from '../harness';
import type { StoredExecution } from '../harness';

let sandbox: Sandbox;
let n8n: WaitingExecutions;
beforeAll(async () => {
	// Calls end when a test ends them (endCall), never on their own.
	sandbox = await startSandbox({ callDurationMs: 600_000 });
	n8n = await WaitingExecutions.start();
});
afterAll(async () => {
	await sandbox.close();
	await n8n.close();
});
beforeEach(() => {
	sandbox.reset();
	sandbox.osvi.webhookShape = 'current';
});

const AGENT = 'agent_SandboxReminder01';
const credentials = () => ({ osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } });

function callAndWait(items: IDataObject[], parameters: object = {}, extra: object = {}) {
	return n8n.run({
		type: 'osvi',
		parameters: {
			resource: 'call',
			operation: 'initiate',
			agent: { __rl: true, mode: 'id', value: AGENT },
			phoneNumber: '={{ $json.phone }}',
			country: 'IN',
			dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', outputFormat: 'yes or no' }] },
			waitForResult: 'durable',
			...parameters,
		},
		items,
		credentials: credentials(),
		...extra,
	});
}

const placed = () => sandbox.received('osvi', 'POST', '/v1/call').filter((request) => request.acted);
const callReads = () => sandbox.received('osvi', 'GET').filter((request) => /^\/v1\/call\/[^/]+$/.test(request.path));
const stored = (execution: StoredExecution) => execution.data.executionData!.nodeExecutionStack[0].data.main[0]!;
const callOf = (phone: string) => sandbox.osvi.calls.find((call) => call.phone_number === phone)!;
const getShape = async (callId: string) =>
	((await (await fetch(`${sandbox.osviUrl}/v1/call/${callId}`, { headers: { 'api-token': sandbox.osviToken } })).json()) as { data: object }).data;

test('the execution waits with its call placed once; the post-call webhook resumes it with the call as Call → Get shows it', async () => {
	const before = Date.now();
	const execution = await callAndWait([{ phone: '9876543211' }]);
	expect(execution.status).toBe('waiting');
	const data = execution.data;
	// Until the time limit (1 hour by default), stored by n8n, not held in memory.
	expect(Date.parse(String(data.waitTill))).toBeGreaterThanOrEqual(before + 3_600_000);
	const call = callOf('+919876543211');
	const url = new URL(call.request.webhook_url);
	expect(url.origin + url.pathname).toBe(`${n8n.baseUrl}/${execution.id}/node-under-test`);
	// n8n 2.x signs resume URLs with a token of the execution; 1.x has none (the node's own sig guards both).
	const signedByN8n = data.resumeToken !== undefined;
	expect(url.searchParams.get('signature')).toBe(signedByN8n ? data.resumeToken : null);
	expect([...url.searchParams.keys()].sort()).toEqual(signedByN8n ? ['sig', 'signature', 'wait'] : ['sig', 'wait']);
	// What n8n outputs if the time limit passes: the call as it was, with timed_out.
	expect(stored(execution)[0].json).toMatchObject({ call_id: call.call_id, status: 'in_progress', timed_out: true, wait_id: url.searchParams.get('wait') });

	sandbox.fakes.osvi.endCall(call.call_id);
	const { items, error } = await execution.finished;
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(items[0].json).toEqual({ ...(await getShape(call.call_id)), timed_out: false, wait_id: url.searchParams.get('wait') });
	expect(items[0].json).toMatchObject({ status: 'picked', data_captured: { confirmed: 'yes' } });
	expect(items[0].pairedItem).toEqual({ item: 0 });
	expect(execution.answers).toEqual([{ status: 200, body: { received: true, resumed: true } }]);
	expect(placed()).toHaveLength(1);
});

test('a forged request, or one about another call, does not end the wait; the output is the call as OSVI has it', async () => {
	const execution = await callAndWait([{ phone: '9876543211' }]);
	const call = callOf('+919876543211');
	const genuine = new URL(call.request.webhook_url);
	const variant = (change: (url: URL) => void) => {
		const url = new URL(genuine);
		change(url);
		return url.toString();
	};
	const claim = { call_log_id: call.call_id, call_status: 'picked', call_summary: 'FORGED', data_capture: { confirmed: 'no' } };
	const forged = [
		variant((url) => url.searchParams.delete('sig')),
		variant((url) => url.searchParams.set('sig', 'A'.repeat(43))),
		// Signed for another wait of the same execution and node (e.g. the node's previous run).
		variant((url) => url.searchParams.set('wait', 'another-wait-id-000000')),
	];
	// Without n8n 2.x's token, n8n itself refuses (1.x has no such token: the node's sig is the guard).
	if (execution.data.resumeToken !== undefined) forged.push(variant((url) => url.searchParams.delete('signature')));
	const answers = [];
	for (const url of forged) answers.push(await n8n.post(url, claim));
	expect(answers.map(({ status }) => status)).toEqual(forged.map(() => 401));
	expect(callReads()).toHaveLength(1); // only the read made before waiting
	// Signed, but about a call this execution does not wait for: declined without reading.
	expect(await n8n.post(genuine.toString(), { ...claim, call_log_id: 'another-call' })).toEqual({
		status: 200,
		body: { received: true, resumed: false, reason: 'Not a call this execution waits for' },
	});
	// Signed and about our call, but the call is still running: the node reads it and keeps waiting.
	expect(await n8n.post(genuine.toString(), claim)).toEqual({ status: 200, body: { received: true, resumed: false, reason: 'A call is still running' } });
	expect(execution.status).toBe('waiting');

	sandbox.fakes.osvi.endCall(call.call_id);
	const { items } = await execution.finished;
	expect(items[0].json).toMatchObject({ status: 'picked', summary: expect.stringContaining('the customer agreed'), data_captured: { confirmed: 'yes' }, timed_out: false });
	expect(JSON.stringify(items)).not.toContain('FORGED');
	// A duplicate delivery once the execution went on: refused by n8n, nothing changes.
	expect(await sandbox.fakes.osvi.redeliver(call.call_id)).toBe(true);
	await waitUntil(() => execution.answers.length === forged.length + 4);
	expect(execution.answers.at(-1)?.status).toBe(409);
	expect(execution.webhookErrors).toEqual([]);
	expect(placed()).toHaveLength(1);
});

test('several items: every call is placed first, and the execution resumes once the last call has ended', async () => {
	const phones = ['9876543211', '9876543212', '9876543213'];
	const execution = await callAndWait([...phones.map((phone) => ({ phone })), { phone: '12345' }], {}, { continueOnFail: true });
	expect(placed()).toHaveLength(3);
	const calls = phones.map((phone) => callOf(`+91${phone}`));
	const ids = new Set(calls.map(({ request }) => new URL(request.webhook_url).searchParams.get('wait')));
	expect(ids.size).toBe(1); // one wait for every call

	for (const call of [calls[0], calls[2]]) {
		const answers = execution.answers.length;
		sandbox.fakes.osvi.endCall(call.call_id);
		await waitUntil(() => execution.answers.length === answers + 1);
		expect(execution.answers.at(-1)).toEqual({ status: 200, body: { received: true, resumed: false, reason: 'A call is still running' } });
		expect(execution.status).toBe('waiting');
	}
	sandbox.fakes.osvi.endCall(calls[1].call_id);
	const { items } = await execution.finished;
	expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	expect(items.slice(0, 3).map((item) => [item.json.call_id, item.json.status, item.json.timed_out])).toEqual(
		calls.map((call) => [call.call_id, 'picked', false]),
	);
	// The bad item's error item passes through the wait unchanged.
	expect(items[3].json.error).toBe(`Invalid 'Phone Number': "12345" is not a valid phone number for IN [item 3]`);
	expect(placed()).toHaveLength(3);
});

test('an unanswered call: the older payload shape resumes with its status; the current shape posts nothing, so the time limit ends the wait', async () => {
	sandbox.osvi.webhookShape = 'legacy';
	const legacy = await callAndWait([{ phone: '9876543210' }]);
	sandbox.fakes.osvi.endCall(callOf('+919876543210').call_id);
	expect((await legacy.finished).items[0].json).toMatchObject({ status: 'not_picked', timed_out: false });
	// (The sandbox records a delivery once n8n has answered it, which may be after the execution went on.)
	await waitUntil(() => sandbox.osvi.webhookDeliveries.some((delivery) => delivery.url.includes(legacy.id)));

	sandbox.reset();
	sandbox.osvi.webhookShape = 'current';
	const current = await callAndWait([{ phone: '9876543210' }], { waitTimeLimit: 5 });
	const call = callOf('+919876543210');
	sandbox.fakes.osvi.endCall(call.call_id);
	await new Promise((resolve) => setTimeout(resolve, 200));
	expect(sandbox.osvi.webhookDeliveries.filter((delivery) => delivery.url.includes(current.id))).toHaveLength(0);
	expect(current.status).toBe('waiting');
	// The wait tracker's turn: n8n outputs what the node stored before waiting (no node code runs).
	const { items, error } = await current.timeOut();
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ call_id: call.call_id, status: 'in_progress', timed_out: true });
	expect(items[0].pairedItem).toEqual({ item: 0 });
	expect(placed()).toHaveLength(1);
});

test('Include Transcript adds each finished call\'s conversation', async () => {
	const execution = await callAndWait([{ phone: '9876543211' }], { includeTranscript: true });
	sandbox.fakes.osvi.endCall(callOf('+919876543211').call_id);
	const { items } = await execution.finished;
	expect((items[0].json.transcript as Array<{ role: string }>).map(({ role }) => role)).toEqual(['agent', 'user', 'agent']);
});

test('Retry On Fail: the retry places only the call that was refused, keeps the same resume URL, and the resumed execution places nothing', async () => {
	// The second call request is refused with a rate limit (the API surely did not act): the node
	// stops after the first call was placed, and n8n runs it again.
	sandbox.setFaults({ script: [{ method: 'POST', path: '/v1/call', fault: 'rate429', skip: 1 }], retryAfterSeconds: 0 });
	const execution = await callAndWait([{ phone: '9876543211' }, { phone: '9876543212' }], { requestOptions: { concurrency: 1, maxAttempts: 1 } }, {
		retryOnFail: { maxTries: 3, waitBetweenTries: 0 },
	});
	expect(execution.status).toBe('waiting');
	expect(placed().map((request) => request.body.phone_number)).toEqual(['9876543211', '9876543212']);
	expect(new Set(placed().map((request) => request.body.webhook_url)).size).toBe(1);
	for (const call of sandbox.osvi.calls) sandbox.fakes.osvi.endCall(call.call_id);
	const { items } = await execution.finished;
	expect(items.map((item) => item.json.status)).toEqual(['picked', 'picked']);
	expect(placed()).toHaveLength(2);
});

describe('refused before any call is placed', () => {
	test('a Webhook URL of its own (OSVI takes one per call)', async () => {
		const execution = await callAndWait([{ phone: '9876543211' }], { additionalFields: { webhookUrl: 'http://127.0.0.1:9/hook' } });
		expect(execution.latest?.error?.message).toBe(
			"Invalid 'Additional Fields › Webhook URL': is set, and Durable waiting makes the call's webhook n8n's resume URL (OSVI takes one per call): leave it empty, or wait by Polling [item 0]",
		);
		expect(placed()).toHaveLength(0);
	});

	test('an n8n address OSVI cannot reach (OSVI on the internet, n8n on 127.0.0.1); the message hides what opens the URL', async () => {
		const execution = await n8n.run({
			type: 'osvi',
			parameters: { resource: 'call', operation: 'initiate', agent: { __rl: true, mode: 'id', value: AGENT }, phoneNumber: '9876543211', country: 'IN', waitForResult: 'durable' },
			credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: 'https://api.osvi.ai' } },
		});
		const message = String(execution.latest?.error?.message);
		expect(message).toMatch(/^'Wait for Result' Durable \(Webhook\) needs n8n's resume URL to be reachable by OSVI: ".*\/webhook-waiting\/.*" points to 127\.0\.0\.1/);
		expect(message).not.toMatch(/sig=[^*]|signature=[^*]/);
		expect(placed()).toHaveLength(0);
	});

	test('as an AI Agent tool', async () => {
		const execution = await callAndWait([{ phone: '9876543211' }], {}, { asTool: true });
		expect(execution.latest?.error?.message).toMatch(/^'Wait for Result' Durable \(Webhook\) cannot be Durable when an AI Agent uses the node as a tool/);
		expect(placed()).toHaveLength(0);
	});
});
