'use strict';
// Longer than 250 lines on purpose: the durable-waiting cases share one started n8n per line
// (starting one costs tens of seconds), and a restart case needs the earlier executions.
// Wait for Result in a real n8n (each pinned version), started with `n8n start`: a webhook starts
// an execution that places a call and waits durably (n8n's public API shows it "waiting"), the
// sandbox posts the call's result to the execution's resume URL, and the execution finishes with
// the call as OSVI has it. Also: forged and foreign requests, a restart of n8n while it waits, the
// time limit, 50 executions waiting at once, VoiceOS's events, Polling on Klen AI, and Call → Wait
// for Calling Hours holding an execution until the callee's hours open.
const { startSandbox } = require('../../sandbox');
const { loadExamples } = require('../../tools/examples');
const { N8nInstance, selectedVersions } = require('../../tools/n8n');
const { byId, webhookChain } = require('./workflows');
const { holdWorkflow, startHold } = require('./callingHours');

const selected = selectedVersions();
const AGENT = 'agent_SandboxReminder01';
const indian = (index) => `98765${String(10000 + index).slice(-5)}`;

const osviCall = (extra = {}) => ({
	name: 'Call',
	type: 'osvi',
	parameters: {
		resource: 'call',
		operation: 'initiate',
		agent: byId(AGENT),
		phoneNumber: '={{ $json.body.phone }}',
		country: 'IN',
		dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', outputFormat: 'yes or no' }] },
		waitForResult: 'durable',
		...extra,
	},
});
/** A step after the call: the workflow goes on with the node's output. */
const after = { name: 'After', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };

const output = (execution, node) => execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(selected)('n8n %s: Wait for Result', (version) => {
	let sandbox;
	let n8n;

	const workflows = () => [
		webhookChain('e2eWaitDurable01', 'wait-osvi', [osviCall(), after]),
		webhookChain('e2eWaitTimeout01', 'wait-timeout', [osviCall({ waitTimeLimit: 0.1 }), after]),
		webhookChain('e2eWaitSeveral01', 'wait-several', [
			{
				name: 'Rows',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				parameters: { mode: 'raw', jsonOutput: '={{ { rows: $json.body.phones.map((phone) => ({ phone })) } }}', options: {} },
			},
			{ name: 'Split Rows', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'rows', include: 'noOtherFields', options: {} } },
			osviCall({ phoneNumber: '={{ $json.phone }}' }),
		]),
		webhookChain('e2eWaitVoiceOs01', 'wait-voiceos', [
			{
				name: 'Call',
				type: 'voiceOs',
				parameters: {
					resource: 'call',
					operation: 'createPhoneCall',
					callUsing: 'inline',
					prompt: 'You confirm bookings.',
					fromNumber: { __rl: true, mode: 'list', value: '+14155550100' },
					toNumber: '={{ $json.body.phone }}',
					country: 'US',
					waitForResult: 'durable',
				},
			},
			after,
		]),
		holdWorkflow('e2eHoldHours01', 'hold-hours'),
		webhookChain('e2eWaitPollKlen1', 'wait-klen', [
			{
				name: 'Call',
				type: 'klenAi',
				parameters: { resource: 'call', operation: 'initiate', agent: byId('11'), phoneNumber: '={{ $json.body.phone }}', country: 'US', waitForResult: 'polling', pollInterval: 1, waitTimeLimit: 1 },
			},
		]),
	];

	/** The execution a resume URL belongs to: /webhook-waiting/<execution ID>/<node ID>. */
	const executionOf = (resumeUrl) => new URL(resumeUrl).pathname.split('/')[2];
	const osviCallTo = (phone) => sandbox.osvi.calls.find((call) => call.phone_number === `+91${phone}`);
	const trigger = (path, phone) =>
		fetch(`${n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone }) });

	async function until(read, timeoutMs = 30000) {
		const end = Date.now() + timeoutMs;
		for (let value = read(); Date.now() < end; value = read()) {
			if (value) return value;
			await sleep(100);
		}
		throw new Error('not in time');
	}

	/**
	 * Starts an execution through a workflow's webhook and waits until n8n's public API shows it
	 * waiting. (n8n 1.x keeps a waiting execution among its active ones, which the API's list leaves
	 * out: the execution is found through the resume URL the call carries.)
	 */
	async function startWaiting(path, phone) {
		expect((await trigger(path, phone)).status).toBe(200);
		const call = await until(() => osviCallTo(phone));
		return await n8n.waitForStatus(executionOf(call.request.webhook_url), 'waiting', 30000);
	}

	const post = async (url, body) => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: await response.json().catch(() => undefined) };
	};

	beforeAll(async () => {
		// Calls end only when a test ends them (Klen AI's, which the node polls, after 300 ms).
		sandbox = await startSandbox({ callDurationMs: 3_600_000 });
		sandbox.klen.callDurationMs = 300;
		n8n = await N8nInstance.create(version);
		const example = loadExamples(n8n.url).filter((workflow) => workflow.id === 'exCrmCallWaitResult');
		await n8n.importCredentials([...sandbox.credentials(), sandbox.credential('crm')]);
		await n8n.importWorkflows([...workflows(), ...example]);
		for (const workflow of [...workflows(), ...example]) await n8n.activate(workflow.id);
		await n8n.start();
		for (const path of ['wait-osvi', 'wait-timeout', 'wait-several', 'wait-voiceos', 'wait-klen', 'hold-hours', 'crm-row-call-due']) await n8n.waitForWebhook(path);
	}, 900000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	});

	test('the execution waits (no worker held), the post-call webhook resumes it, and it finishes with the call as OSVI has it', async () => {
		const waiting = await startWaiting('wait-osvi', indian(1));
		expect(waiting.waitTill).toBeTruthy();
		const call = osviCallTo(indian(1));
		const url = new URL(call.request.webhook_url);
		expect(url.origin + url.pathname).toBe(`${n8n.url}/webhook-waiting/${waiting.id}/e2eWaitDurable01-step0`);
		// n8n 2.x adds its own token to the resume URL; 1.x has none.
		expect(url.searchParams.has('signature')).toBe(version.startsWith('2.'));

		sandbox.osvi.endCall(call.call_id);
		const done = await n8n.waitForStatus(waiting.id, 'success', 30000);
		const [item] = output(done, 'Call');
		expect(item.json).toMatchObject({ call_id: call.call_id, status: 'picked', data_captured: { confirmed: 'yes' }, timed_out: false });
		expect(output(done, 'After')[0].json.call_id).toBe(call.call_id);
		expect(sandbox.received('osvi', 'POST', '/v1/call').filter((request) => request.body.phone_number === indian(1))).toHaveLength(1);
	});

	test('forged requests and a request about another call do not change the outcome; a late duplicate gets 409', async () => {
		const waiting = await startWaiting('wait-osvi', indian(2));
		const call = osviCallTo(indian(2));
		const genuine = new URL(call.request.webhook_url);
		const variant = (change) => {
			const url = new URL(genuine);
			change(url);
			return url.toString();
		};
		const claim = { call_log_id: call.call_id, call_status: 'picked', call_summary: 'FORGED', data_capture: { confirmed: 'no' } };
		const refused = [
			await post(variant((url) => url.searchParams.delete('sig')), claim),
			await post(variant((url) => url.searchParams.set('sig', 'A'.repeat(43))), claim),
			// Without n8n 2.x's own token, n8n itself refuses (1.x has none to check).
			...(version.startsWith('2.') ? [await post(variant((url) => url.searchParams.delete('signature')), claim)] : []),
		];
		expect(refused.map(({ status }) => status)).toEqual(version.startsWith('2.') ? [401, 401, 401] : [401, 401]);
		expect(await post(genuine.toString(), { ...claim, call_log_id: 'another-call' })).toEqual({
			status: 200,
			body: { received: true, resumed: false, reason: 'Not a call this execution waits for' },
		});
		expect((await post(genuine.toString(), claim)).body).toEqual({ received: true, resumed: false, reason: 'A call is still running' });
		expect((await n8n.execution(waiting.id, { includeData: false })).status).toBe('waiting');

		sandbox.osvi.endCall(call.call_id);
		const done = await n8n.waitForStatus(waiting.id, 'success', 30000);
		expect(output(done, 'Call')[0].json).toMatchObject({ status: 'picked', data_captured: { confirmed: 'yes' } });
		expect(JSON.stringify(done.data.resultData.runData)).not.toContain('FORGED');
		expect((await post(genuine.toString(), claim)).status).toBe(409);
	});

	test('several items: one wait for all their calls, resumed by the last call to end', async () => {
		const phones = [indian(11), indian(12), indian(13)];
		const response = await fetch(`${n8n.url}/webhook/wait-several`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phones }) });
		expect(response.status).toBe(200);
		const calls = await until(() => (phones.every(osviCallTo) ? phones.map(osviCallTo) : undefined));
		const ids = new Set(calls.map((call) => executionOf(call.request.webhook_url)));
		expect(ids.size).toBe(1);
		const [id] = ids;
		await n8n.waitForStatus(id, 'waiting');
		for (const call of [calls[2], calls[0]]) {
			const delivered = sandbox.osvi.webhookDeliveries.length;
			sandbox.osvi.endCall(call.call_id);
			const delivery = await until(() => sandbox.osvi.webhookDeliveries[delivered]);
			expect(JSON.parse(delivery.answer)).toEqual({ received: true, resumed: false, reason: 'A call is still running' });
			expect((await n8n.execution(id, { includeData: false })).status).toBe('waiting');
		}
		sandbox.osvi.endCall(calls[1].call_id);
		const done = await n8n.waitForStatus(id, 'success', 30000);
		const items = output(done, 'Call');
		expect(items.map((item) => [item.json.call_id, item.json.status, item.json.timed_out])).toEqual(calls.map((call) => [call.call_id, 'picked', false]));
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('n8n restarted while the execution waits: the execution is still there and finishes', async () => {
		const waiting = await startWaiting('wait-osvi', indian(3));
		await n8n.restart();
		expect((await n8n.execution(waiting.id, { includeData: false })).status).toBe('waiting');
		const call = osviCallTo(indian(3));
		sandbox.osvi.endCall(call.call_id);
		const done = await n8n.waitForStatus(waiting.id, 'success', 60000);
		expect(output(done, 'Call')[0].json).toMatchObject({ call_id: call.call_id, status: 'picked', timed_out: false });
		expect(sandbox.osvi.webhookDeliveries.filter((delivery) => delivery.url.includes(`/${waiting.id}/`)).map(({ status }) => status)).toEqual([200]);
	}, 240000);

	test('the time limit: the execution goes on with the call as it was and timed_out: true', async () => {
		const waiting = await startWaiting('wait-timeout', indian(4));
		// n8n looks for waits that are due once a minute.
		const done = await n8n.waitForStatus(waiting.id, 'success', 150000);
		const [item] = output(done, 'Call');
		expect(item.json).toMatchObject({ call_id: osviCallTo(indian(4)).call_id, status: 'in_progress', timed_out: true });
		expect(output(done, 'After')).toHaveLength(1);
		expect(sandbox.received('osvi', 'POST', '/v1/call').filter((request) => request.body.phone_number === indian(4))).toHaveLength(1);
	}, 180000);

	test('50 executions waiting at once are all resumed, each with its own call', async () => {
		// Numbers ending in 1: answered calls (OSVI posts its result for those).
		const phones = Array.from({ length: 50 }, (_, index) => indian(100 + index * 10 + 1));
		for (const phone of phones) expect((await trigger('wait-osvi', phone)).status).toBe(200);
		const calls = await until(() => (phones.every(osviCallTo) ? phones.map(osviCallTo) : undefined), 120000);
		const ids = calls.map((call) => executionOf(call.request.webhook_url));
		expect(new Set(ids).size).toBe(50);
		for (const id of ids) await n8n.waitForStatus(id, 'waiting', 60000);

		for (const call of calls) sandbox.osvi.endCall(call.call_id);
		const finished = [];
		for (const id of ids) finished.push(await n8n.waitForStatus(id, 'success', 120000));
		const results = finished.map((execution) => output(execution, 'Call')[0].json);
		expect(results.map((json) => json.call_id)).toEqual(calls.map((call) => call.call_id));
		expect(results.every((json) => json.status === 'picked' && json.timed_out === false)).toBe(true);
		expect(sandbox.received('osvi', 'POST', '/v1/call').filter((request) => phones.includes(request.body.phone_number))).toHaveLength(50);
	}, 300000);

	test('VoiceOS: an event that ends no call is declined; conversation:ended resumes the execution', async () => {
		expect((await trigger('wait-voiceos', '+14155552671')).status).toBe(200);
		const conversation = await until(() => sandbox.voiceos.conversations.at(-1));
		const waiting = await n8n.waitForStatus(executionOf(conversation.agent_config.webhooks.at(-1).url), 'waiting', 30000);
		await sandbox.voiceos.redeliver(conversation.id, { event: 'phone_call:connection_requested' });
		const declined = sandbox.voiceos.deliveries.at(-1);
		expect(declined).toMatchObject({ event: 'phone_call:connection_requested', status: 200 });
		expect((await n8n.execution(waiting.id, { includeData: false })).status).toBe('waiting');

		sandbox.voiceos.endCall(conversation.id);
		const done = await n8n.waitForStatus(waiting.id, 'success', 30000);
		expect(output(done, 'Call')[0].json).toMatchObject({ id: conversation.id, status: 'ended', timed_out: false });
	});

	test('example: CRM row → call → wait (durable) → branch on the outcome → the CRM row updated', async () => {
		const rows = [
			{ id: 'crm-7', name: 'Asha Rao', phone: '098765 43217', appointment_date: '2026-11-24 10:00', row_url: `${sandbox.crmUrl}/rows/crm-7` },
			{ id: 'crm-8', name: 'Nobody Home', phone: '098765 43218', appointment_date: '2026-11-24 11:00', row_url: `${sandbox.crmUrl}/rows/crm-8` },
		];
		for (const row of rows) {
			const answer = await fetch(`${n8n.url}/webhook/crm-row-call-due`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(row) });
			expect(answer.status).toBe(200);
		}
		const [answered, failed] = await until(() => (osviCallTo('9876543217') && osviCallTo('9876543218') ? [osviCallTo('9876543217'), osviCallTo('9876543218')] : undefined));
		for (const call of [answered, failed]) {
			await n8n.waitForStatus(executionOf(call.request.webhook_url), 'waiting');
			// (A failed call gets a webhook in OSVI's older payload shape only.)
			sandbox.osvi.webhookShape = call === failed ? 'legacy' : 'current';
			sandbox.osvi.endCall(call.call_id);
			await n8n.waitForStatus(executionOf(call.request.webhook_url), 'success', 30000);
		}
		sandbox.osvi.webhookShape = 'current';
		expect(sandbox.crm.rows.get('crm-7')).toMatchObject({ call_status: 'confirmed', call_id: answered.call_id, call_summary: expect.stringContaining('agreed') });
		expect(sandbox.crm.rows.get('crm-8')).toMatchObject({ call_status: 'failed', call_id: failed.call_id, follow_up: true });
		expect(sandbox.received('crm', 'PATCH').every((request) => request.authenticated)).toBe(true);
	});

	test('Polling (Klen AI, no per-call webhook): the execution runs until the call has ended', async () => {
		const since = Date.now();
		await trigger('wait-klen', '+14155552671');
		const done = await n8n.waitForExecution('e2eWaitPollKlen1', since, 60000);
		expect(done.status).toBe('success');
		expect(output(done, 'Call')[0].json).toMatchObject({ status: 'completed', summary: expect.any(String), timed_out: false });
	});

	test('Wait for Calling Hours: outside the hours the execution waits in n8n, and when they open the call is placed', async () => {
		const phone = indian(21);
		const { execution, opensAt, zone, hours } = await startHold(`${n8n.url}/webhook/hold-hours`, phone);
		const waiting = await n8n.waitForStatus(execution, 'waiting', 30000, { includeData: false });
		expect(new Date(waiting.waitTill).getTime()).toBe(opensAt);
		expect(osviCallTo(phone)).toBeUndefined();

		const done = await n8n.waitForStatus(execution, 'success', opensAt - Date.now() + 120_000);
		const placed = sandbox.received('osvi', 'POST', '/v1/call').filter((request) => request.body.phone_number === phone);
		expect(placed).toHaveLength(1);
		expect(placed[0].at).toBeGreaterThanOrEqual(opensAt);
		expect(output(done, 'Hold')[0].json.body).toMatchObject({ phone, zone, hours });
		expect(output(done, 'Call')[0].json).toMatchObject({ call_id: osviCallTo(phone).call_id });
	}, 300000);
});
