// The Klen AI Trigger: registration kept and reused, the signing secret sealed (never in clear in
// static data), signatures and their timestamp, repeated deliveries, version 2's credential and
// call shape, and what the editor shows.
import { createHmac } from 'node:crypto';

import { seal } from '../../nodes/shared/webhook/seal';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode, serveTrigger, TriggerUnderTest, visibleCredentials, visibleFields, waitFor } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 50 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const api = (apiKey = sandbox.klenKey) => ({ klenAiApi: { apiKey, baseUrl: sandbox.klenUrl } });
const signingCredential = () => ({ klenAiTriggerApi: { signingSecret: sandbox.klenSigningSecret } });
const automatic = { events: ['call.ended', 'call.failed'], registration: 'automatic', verifySignature: true };
const manual = { events: ['call.ended'], registration: 'manual', verifySignature: true };

const endedCall = (callId = 'klen_call_x', timestamp = new Date().toISOString()) => ({
	event_type: 'call.ended',
	call: { id: 5, klen_call_id: callId, agent_id: 11, agent_name: 'Sales Caller', status: 'completed', type: 'outbound', phone_number: '+14155552671', duration_seconds: 37, summary: 'ok' },
	timestamp,
});

function signed(body: object, secret = sandbox.klenSigningSecret) {
	const rawBody = Buffer.from(JSON.stringify(body));
	return { body, rawBody, headers: { 'x-klen-signature': createHmac('sha256', secret).update(rawBody).digest('hex') } };
}

const registrations = () => sandbox.received('klen', 'POST', '/api/webhooks/create/');

describe.each([1, 2])('Klen AI Trigger v%i: automatic registration', (typeVersion) => {
	test('registers once, keeps the registration on deactivation and reuses it; the returned secret is kept sealed', async () => {
		const trigger = new TriggerUnderTest('klenAiTrigger', automatic, api(), { typeVersion });
		await trigger.activate();
		await trigger.activate();
		await trigger.lifecycle('delete');
		await trigger.activate();
		expect(registrations()).toHaveLength(1);
		expect(registrations()[0].body).toEqual({ name: 'n8n: Trigger test', url: trigger.productionUrl, subscribed_events: ['call.ended', 'call.failed'] });
		expect(trigger.staticData).toMatchObject({ webhookUrl: trigger.productionUrl, events: ['call.ended', 'call.failed'], credentialId: 'klenAiApi-id' });
		expect(trigger.staticData.sealedSigningSecret).toEqual(expect.stringMatching(/^v1\./));
		expect(JSON.stringify(trigger.staticData)).not.toContain(sandbox.klenSigningSecret);

		const accepted = await trigger.deliver(signed(endedCall()));
		expect(accepted.result.workflowData?.[0]).toHaveLength(1);
	});

	test('new events register a new webhook; so does an API key under which the kept secret no longer opens', async () => {
		const trigger = new TriggerUnderTest('klenAiTrigger', automatic, api(), { typeVersion });
		await trigger.activate();
		trigger.node.parameters.events = ['call.ended'];
		await trigger.activate();
		expect(registrations()).toHaveLength(2);

		// Kept under an earlier API key of the credential: the secret cannot be opened, so it is fetched again.
		const rekeyed = new TriggerUnderTest('klenAiTrigger', { ...automatic, events: ['call.ended'] }, api(), { typeVersion });
		Object.assign(rekeyed.staticData, { ...trigger.staticData, webhookUrl: rekeyed.productionUrl, sealedSigningSecret: seal(sandbox.klenSigningSecret, 'klen_an_earlier_key') });
		await rekeyed.activate();
		expect(registrations()).toHaveLength(3);
		expect((await rekeyed.deliver(signed(endedCall()))).result.workflowData).toBeDefined();
	});

	test("an earlier release's secret in clear is sealed at activation, without registering again", async () => {
		const trigger = new TriggerUnderTest('klenAiTrigger', automatic, api(), { typeVersion });
		Object.assign(trigger.staticData, { webhookId: 1, webhookUrl: trigger.productionUrl, events: ['call.ended', 'call.failed'], signingSecret: sandbox.klenSigningSecret });
		await trigger.activate();
		expect(registrations()).toHaveLength(0);
		expect(trigger.staticData.signingSecret).toBeUndefined();
		expect(JSON.stringify(trigger.staticData)).not.toContain(sandbox.klenSigningSecret);
		expect((await trigger.deliver(signed(endedCall()))).result.workflowData).toBeDefined();
	});
});

describe('Klen AI Trigger: where the signing secret comes from', () => {
	test('v2: the credential, and then the returned secret is not kept at all', async () => {
		const trigger = new TriggerUnderTest('klenAiTrigger', automatic, { ...api(), ...signingCredential() }, { typeVersion: 2 });
		await trigger.activate();
		expect(registrations()).toHaveLength(1);
		expect(trigger.staticData.sealedSigningSecret).toBeUndefined();
		expect((await trigger.deliver(signed(endedCall()))).result.workflowData).toBeDefined();
	});

	test('v2 manual registration: the credential verifies; without it activation fails naming the credential', async () => {
		const trigger = new TriggerUnderTest('klenAiTrigger', manual, signingCredential(), { typeVersion: 2 });
		await trigger.activate();
		expect(sandbox.requests).toHaveLength(0);
		expect((await trigger.deliver(signed(endedCall()))).result.workflowData).toBeDefined();
		expect((await trigger.deliver(signed(endedCall('other'), 'not-the-secret'))).response.statusCode).toBe(401);
		await expect(new TriggerUnderTest('klenAiTrigger', manual, {}, { typeVersion: 2 }).activate()).rejects.toThrow(
			expect.objectContaining({ message: 'Signature verification is on, but there is no signing secret', description: expect.stringContaining('Klen AI Trigger credential') }),
		);
	});

	test.each([
		['a wrong signature', (signature: string) => signature.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))],
		['a signature of other bytes', () => createHmac('sha256', 'whsec_klen_sandbox_signing').update('{}').digest('hex')],
		['no signature', () => undefined],
	])('v1 with the deprecated field: %s gets 401 and no execution', async (_name, tamper) => {
		const trigger = new TriggerUnderTest('klenAiTrigger', { ...manual, signingSecret: sandbox.klenSigningSecret });
		const delivery = signed(endedCall());
		const presented = tamper(delivery.headers['x-klen-signature']);
		const { result, response } = await trigger.deliver({ ...delivery, headers: presented ? { 'x-klen-signature': presented } : {} });
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
		const right = await trigger.deliver(signed(endedCall()));
		expect(right.result.workflowData).toBeDefined();
		await expect(new TriggerUnderTest('klenAiTrigger', { ...manual, signingSecret: '' }).activate()).rejects.toThrow('there is no signing secret');
	});
});

describe('Klen AI Trigger: replays and repeated deliveries', () => {
	const trigger = (options: object = {}) => new TriggerUnderTest('klenAiTrigger', { ...manual, events: ['call.ended', 'call.failed'], options }, signingCredential(), { typeVersion: 2 });

	test.each([
		['dated 2020', '2020-01-01T00:00:00Z'],
		['11 minutes old', new Date(Date.now() - 11 * 60_000).toISOString()],
		['11 minutes in the future', new Date(Date.now() + 11 * 60_000).toISOString()],
		['without a timestamp', undefined],
	])('a validly signed delivery %s is refused (401), and starts nothing', async (_name, timestamp) => {
		const { result, response } = await trigger().deliver(signed({ ...endedCall(), timestamp }));
		expect({ status: response.statusCode, body: response.body, started: result.workflowData }).toEqual({ status: 401, body: { error: 'Delivery too old' }, started: undefined });
	});

	test('the tolerance is an option (0 turns it off); timestamps as epoch seconds are read too', async () => {
		expect((await trigger({ maxAgeMinutes: 0 }).deliver(signed(endedCall('a', '2020-01-01T00:00:00Z')))).result.workflowData).toBeDefined();
		expect((await trigger({ maxAgeMinutes: 60 * 24 * 365 * 10 }).deliver(signed(endedCall('b', '2020-01-01T00:00:00Z')))).result.workflowData).toBeDefined();
		expect((await trigger().deliver(signed({ ...endedCall('c'), timestamp: Math.floor(Date.now() / 1000) }))).result.workflowData).toBeDefined();
	});

	test('the same event of the same call starts one execution, also re-sent with a new timestamp or at the same moment', async () => {
		const once = trigger();
		const first = await once.deliver(signed(endedCall('call-1')));
		const again = await once.deliver(signed(endedCall('call-1')));
		const resent = await once.deliver(signed(endedCall('call-1', new Date(Date.now() + 1000).toISOString())));
		expect(first.result.workflowData).toBeDefined();
		for (const repeat of [again, resent]) {
			expect({ status: repeat.response.statusCode, body: repeat.response.body, started: repeat.result.workflowData }).toEqual({ status: 200, body: { received: true, ignored: 'repeated delivery' }, started: undefined });
		}
		const concurrent = await Promise.all([1, 2, 3].map(async () => await once.deliver(signed(endedCall('call-2')))));
		expect(concurrent.filter((delivery) => delivery.result.workflowData)).toHaveLength(1);
		const otherEvent = await once.deliver(signed({ ...endedCall('call-1'), event_type: 'call.failed' }));
		expect(otherEvent.result.workflowData).toBeDefined();
		expect(JSON.stringify(once.staticData)).not.toContain('call-1');
	});

	test('Ignore Repeated Deliveries off: every delivery starts the workflow', async () => {
		const every = trigger({ ignoreRepeats: false });
		expect((await every.deliver(signed(endedCall('call-3')))).result.workflowData).toBeDefined();
		expect((await every.deliver(signed(endedCall('call-3')))).result.workflowData).toBeDefined();
	});

	test("the sandbox's own deliveries of a placed call: each event once; the same bytes replayed start nothing", async () => {
		const live = trigger();
		const served = await serveTrigger(live);
		try {
			sandbox.klen.webhooks.push({ id: 99, url: served.url, subscribed_events: ['call.ended', 'call.failed'] });
			const placed = await runNode({ type: 'klenAi', parameters: { resource: 'call', operation: 'initiate', agent: { __rl: true, mode: 'id', value: '11' }, phoneNumber: '+14155552671', country: 'US' }, credentials: api() });
			const callId = placed.items[0].json.call_id;
			await waitFor(() => served.statuses.length >= 1);
			expect(served.started.map((item) => [item.event, item.call_id])).toEqual([['call.ended', callId]]);

			const replay = signed(served.started[0].body as object);
			const answer = await fetch(served.url, { method: 'POST', headers: { 'content-type': 'application/json', ...replay.headers }, body: replay.rawBody });
			expect(answer.status).toBe(200);
			expect(served.started).toHaveLength(1);
		} finally {
			await served.close();
		}
	});
});

describe('Klen AI Trigger: what it outputs', () => {
	test('v2: the call in the names Call → Get uses, the body beside it', async () => {
		const placed = await runNode({ type: 'klenAi', parameters: { resource: 'call', operation: 'initiate', agent: { __rl: true, mode: 'id', value: '11' }, phoneNumber: '+14155552671', country: 'US' }, credentials: api() });
		const callId = placed.items[0].json.call_id as string;
		await waitFor(() => sandbox.klen.findCall(callId)?.status === 'completed');
		const got = (await runNode({ type: 'klenAi', parameters: { resource: 'call', operation: 'get', callId }, credentials: api() })).items[0].json;
		const call = sandbox.klen.findCall(callId);
		const delivery = { event_type: 'call.ended', call: { id: call.id, klen_call_id: call.call_id, agent_id: call.agent.id, agent_name: call.agent.name, status: call.status, type: call.type, phone_number: call.phone_number, started_at: call.started_at, ended_at: call.ended_at, duration_seconds: call.duration_seconds, summary: call.summary }, timestamp: new Date().toISOString() };
		const { result } = await new TriggerUnderTest('klenAiTrigger', manual, signingCredential(), { typeVersion: 2 }).deliver(signed(delivery));
		const json = result.workflowData![0][0].json as Record<string, unknown>;
		for (const name of ['call_id', 'id', 'status', 'type', 'phone_number', 'started_at', 'ended_at', 'duration_seconds', 'summary']) {
			expect({ name, value: json[name] }).toEqual({ name, value: got[name] });
		}
		expect(json.agent).toEqual({ id: (got.agent as { id: number }).id, name: (got.agent as { name: string }).name });
		expect(json).toMatchObject({ event: 'call.ended', transcript: null, recording_url: null, reason: null, body: delivery });
	});

	test('v1 keeps its own fields', async () => {
		const delivery = endedCall();
		const { result } = await new TriggerUnderTest('klenAiTrigger', { ...manual, verifySignature: false }).deliver(signed(delivery));
		expect(result.workflowData![0][0].json).toEqual({ event: 'call.ended', call_id: 'klen_call_x', status: 'completed', phone_number: '+14155552671', agent_name: 'Sales Caller', body: delivery });
	});

	test('the signing secret and the API key are redacted wherever the body echoes them, in any form', async () => {
		const echo = {
			...endedCall(),
			call: {
				...endedCall().call,
				variables: { note: `secret ${sandbox.klenSigningSecret}`, url: `https://x.example/?k=${encodeURIComponent(sandbox.klenKey)}`, auth: `Bearer ${sandbox.klenKey}` },
				headers: { 'X-Klen-Signature': 'abc', Authorization: 'Bearer other-token' },
			},
		};
		const trigger = new TriggerUnderTest('klenAiTrigger', automatic, api(), { typeVersion: 2 });
		await trigger.activate();
		const { result } = await trigger.deliver(signed(echo));
		const text = JSON.stringify(result.workflowData);
		expect(text).not.toContain(sandbox.klenSigningSecret);
		expect(text).not.toContain(sandbox.klenKey);
		expect(text).not.toContain('other-token');
		expect(result.workflowData![0][0].json).toMatchObject({ body: { call: { variables: { auth: 'Bearer ***' }, headers: { Authorization: '***' } } } });
	});

	test('events not selected are answered 200 and start nothing; verification can be turned off', async () => {
		const trigger = new TriggerUnderTest('klenAiTrigger', { events: ['call.failed'], registration: 'manual', verifySignature: false });
		const { result, response } = await trigger.deliver({ body: endedCall() });
		expect(response.body).toEqual({ received: true, ignored: 'event call.ended not selected' });
		expect(result.workflowData).toBeUndefined();
		expect((await trigger.deliver({ body: { ...endedCall(), event_type: 'call.failed' } })).result.workflowData).toBeDefined();
	});
});

describe('Klen AI Trigger in the editor', () => {
	test.each([1, 2])('v%i: the credential selectors sit right below Registration, before the events', (typeVersion) => {
		const fields = visibleFields('klenAiTrigger', typeVersion);
		expect(fields.slice(0, 3)).toEqual(['registration', 'credentials', 'registrationNotice']);
		expect(fields.indexOf('events')).toBeGreaterThan(fields.indexOf('credentials'));
		expect(visibleCredentials('klenAiTrigger', typeVersion)).toEqual(typeVersion === 1 ? ['klenAiApi'] : ['klenAiApi', 'klenAiTriggerApi']);
		expect(visibleCredentials('klenAiTrigger', typeVersion, { registration: 'manual' })).toEqual(typeVersion === 1 ? [] : ['klenAiTriggerApi']);
	});

	test('v1: Verify Signature on with an empty Signing Secret shows a notice, not only a tooltip', () => {
		expect(visibleFields('klenAiTrigger', 1, { registration: 'manual', signingSecret: '' })).toContain('noSecretNotice');
		expect(visibleFields('klenAiTrigger', 1, { registration: 'automatic', signingSecret: '' })).toContain('returnedSecretNotice');
		const filled = visibleFields('klenAiTrigger', 1, { registration: 'manual', signingSecret: 'whsec_x' });
		expect(filled.filter((name) => name.endsWith('Notice') && name !== 'manualNotice')).toEqual([]);
		expect(visibleFields('klenAiTrigger', 1, { registration: 'manual', verifySignature: false })).not.toContain('noSecretNotice');
	});

	test('v2: the secret field is gone; a notice says where the secret comes from', () => {
		const fields = visibleFields('klenAiTrigger', 2);
		expect(fields).not.toContain('signingSecret');
		expect(fields).toContain('signingSecretNotice');
	});
});
