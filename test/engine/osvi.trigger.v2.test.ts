// OSVI Trigger version 2 (the secret from a credential, the call in Call → Get's names) and what
// both versions share since: repeated deliveries start nothing, echoed secrets are redacted.
import { OsviTrigger } from '../../nodes/Osvi/OsviTrigger.node';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { deliverWebhook, runNode, runWebhookMethod, serveTrigger, TriggerUnderTest, visibleCredentials, visibleFields, waitFor } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 50 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => jest.restoreAllMocks());

const SECRET = 'c2VjcmV0/with+special=chars&more';
const V2 = { typeVersion: 2 };
const headerCredential = (secret = SECRET) => ({ osviTriggerApi: { secret, location: 'header', headerName: 'X-OSVI-Secret' } });
const queryCredential = { osviTriggerApi: { secret: SECRET, location: 'query', headerName: 'X-OSVI-Secret' } };
const api = () => ({ osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } });

const current = (callId = 'c0ffee00-1111-4222-8333-444455556666', status = 'picked') => ({
	call_log_id: callId,
	phone_number: '+919876543211',
	agent_name: 'Appointment Reminder',
	call_status: status,
	call_type: 'outbound',
	call_summary: 'Confirmed for tomorrow.',
	data_capture: { confirmed: 'yes' },
	structured_output: { sentiment: 'positive' },
	call_trigger_data: { agent_uuid: 'agent_SandboxReminder01', webhook_url: `https://n8n.example.com/webhook/x/osvi?token=${encodeURIComponent(SECRET)}` },
});
const older = { agent_name: 'Appointment Reminder', agent_uuid: 'agent_SandboxReminder01', phone_number: '+919876543210', call_log_id: 'abc-older-1', chat: 'agent: Hello', call_status: 'not_picked', executionMode: 'prod' };
const withHeader = (body: object, secret = SECRET) => ({ body, headers: { 'x-osvi-secret': secret } });

describe('OSVI Trigger v2: the secret from the OSVI Trigger credential', () => {
	test('header or ?token=, as the credential says; anything else gets 401 and starts nothing', async () => {
		expect((await deliverWebhook('osviTrigger', {}, withHeader(current()), headerCredential(), V2)).result.workflowData?.[0]).toHaveLength(1);
		expect((await deliverWebhook('osviTrigger', {}, { body: current(), query: { token: SECRET } }, queryCredential, V2)).result.workflowData?.[0]).toHaveLength(1);
		for (const [request, credential] of [
			[withHeader(current(), 'guess'), headerCredential()],
			[{ body: current(), query: { token: SECRET } }, headerCredential()],
			[withHeader(current()), queryCredential],
			[{ body: current() }, headerCredential()],
		] as const) {
			const { result, response } = await deliverWebhook('osviTrigger', {}, request, credential, V2);
			expect({ status: response.statusCode, started: result.workflowData }).toEqual({ status: 401, started: undefined });
		}
	});

	test('Authentication None admits any request; an empty secret in the credential fails activation', async () => {
		expect((await deliverWebhook('osviTrigger', { authentication: 'none' }, { body: current() }, {}, V2)).result.workflowData).toBeDefined();
		expect(await runWebhookMethod('osviTrigger', {}, 'create', headerCredential(), V2)).toBe(true);
		await expect(runWebhookMethod('osviTrigger', {}, 'create', headerCredential(''), V2)).rejects.toThrow('Secret verification is on, but no Shared Secret is set');
	});

	test('version 1 with the secret as a parameter still works', async () => {
		const { result } = await deliverWebhook('osviTrigger', { verifySecret: true, secret: SECRET, secretLocation: 'header', headerName: 'X-OSVI-Secret' }, withHeader(current()));
		expect(result.workflowData![0][0].json).toMatchObject({ call_id: current().call_log_id, payload_format: 'current' });
	});

	test("the credential's Test button checks that the secret is usable, without a request", async () => {
		const test = new OsviTrigger().methods.credentialTest.sharedSecretTest;
		const run = async (data: object) => (await test.call({} as never, { id: '1', name: 'c', type: 'osviTriggerApi', data } as never)).status;
		expect(await run({ secret: SECRET, location: 'header', headerName: 'X-OSVI-Secret' })).toBe('OK');
		expect(await run({ secret: 'short', location: 'header', headerName: 'X-OSVI-Secret' })).toBe('Error');
		expect(await run({ secret: SECRET, location: 'header', headerName: 'X OSVI Secret' })).toBe('Error');
		expect(await run({ secret: SECRET, location: 'query', headerName: '' })).toBe('OK');
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('OSVI Trigger v2: one call shape with Call → Get', () => {
	test("a real post-call delivery: the trigger's fields equal Get's for the same call, the body beside them", async () => {
		const trigger = new TriggerUnderTest('osviTrigger', {}, headerCredential(), V2);
		const served = await serveTrigger(trigger);
		try {
			sandbox.osvi.webhookHeaders = { 'X-OSVI-Secret': SECRET };
			const placed = await runNode({
				type: 'osvi',
				parameters: {
					resource: 'call',
					operation: 'initiate',
					agent: { __rl: true, mode: 'id', value: 'agent_SandboxReminder01' },
					phoneNumber: '9876543211',
					country: 'IN',
					additionalFields: { webhookUrl: served.url },
					dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', outputFormat: 'yes or no' }] },
				},
				credentials: api(),
			});
			const callId = placed.items[0].json.call_id as string;
			await waitFor(() => served.started.length > 0);
			const got = (await runNode({ type: 'osvi', parameters: { resource: 'call', operation: 'get', callId }, credentials: api() })).items[0].json;
			const event = served.started[0];
			for (const name of ['call_id', 'status', 'phone_number', 'agent_uuid', 'agent_name', 'call_type', 'summary', 'data_captured', 'post_call_analysis']) {
				expect({ name, value: event[name] }).toEqual({ name, value: got[name] });
			}
			expect(event).toMatchObject({ payload_format: 'current', body: { call_log_id: callId, data_capture: got.data_captured } });
		} finally {
			await served.close();
		}
	});

	test('the older payload says "older" (version 1 keeps "legacy"); sections it lacks are empty', async () => {
		const { result } = await deliverWebhook('osviTrigger', { authentication: 'none' }, { body: older }, {}, V2);
		expect(result.workflowData![0][0].json).toEqual({
			call_id: 'abc-older-1',
			status: 'not_picked',
			phone_number: '+919876543210',
			agent_uuid: 'agent_SandboxReminder01',
			agent_name: 'Appointment Reminder',
			call_type: null,
			summary: null,
			data_captured: {},
			post_call_analysis: {},
			payload_format: 'older',
			body: older,
		});
		const v1 = await deliverWebhook('osviTrigger', { verifySecret: false }, { body: older });
		expect(v1.result.workflowData![0][0].json.payload_format).toBe('legacy');
	});
});

describe('OSVI Trigger: repeated deliveries start nothing (both versions)', () => {
	test.each([1, 2])('v%i: the same call and status twice, or at the same moment: one execution', async (typeVersion) => {
		const parameters = typeVersion === 1 ? { verifySecret: true, secret: SECRET, headerName: 'X-OSVI-Secret' } : {};
		const trigger = new TriggerUnderTest('osviTrigger', parameters, typeVersion === 1 ? {} : headerCredential(), { typeVersion });
		expect((await trigger.deliver(withHeader(current('call-a')))).result.workflowData).toBeDefined();
		const again = await trigger.deliver(withHeader({ ...current('call-a'), call_summary: 'sent again' }));
		expect({ status: again.response.statusCode, body: again.response.body, started: again.result.workflowData }).toEqual({ status: 200, body: { received: true, ignored: 'repeated delivery' }, started: undefined });
		const concurrent = await Promise.all([1, 2, 3, 4].map(async () => await trigger.deliver(withHeader(current('call-b')))));
		expect(concurrent.filter((delivery) => delivery.result.workflowData)).toHaveLength(1);
		expect((await trigger.deliver(withHeader(current('call-a', 'busy')))).result.workflowData).toBeDefined();
	});

	test("remembered in the workflow's static data: another n8n process with the saved static data still drops it", async () => {
		const first = new TriggerUnderTest('osviTrigger', {}, headerCredential(), V2);
		await first.deliver(withHeader(current('call-c')));
		const otherProcess = new TriggerUnderTest('osviTrigger', {}, headerCredential(), V2);
		Object.assign(otherProcess.staticData, JSON.parse(JSON.stringify(first.staticData)));
		expect((await otherProcess.deliver(withHeader(current('call-c')))).result.workflowData).toBeUndefined();
		expect((await otherProcess.deliver(withHeader(current('call-d')))).result.workflowData).toBeDefined();
		expect(JSON.stringify(first.staticData)).not.toContain('call-c');
	});

	test("n8n loads its own copy of static data for each request (the last save wins): this process's memory catches a duplicate that copy lacks", async () => {
		const options = { ...V2, workflowId: 'one-workflow-two-requests' };
		const request1 = new TriggerUnderTest('osviTrigger', {}, headerCredential(), options);
		const request2 = new TriggerUnderTest('osviTrigger', {}, headerCredential(), options);
		const [first, second] = await Promise.all([request1.deliver(withHeader(current('call-g'))), request2.deliver(withHeader(current('call-g')))]);
		expect([first, second].filter((delivery) => delivery.result.workflowData)).toHaveLength(1);
		expect(request2.staticData.deliveriesSeen ?? request1.staticData.deliveriesSeen).toBeDefined();
	});

	test('bounded: at most 500 entries in static data, and after 24 hours a delivery counts as new', async () => {
		const trigger = new TriggerUnderTest('osviTrigger', {}, headerCredential(), V2);
		for (let index = 0; index < 600; index++) await trigger.deliver(withHeader(current(`bulk-${index}`)));
		expect(Object.keys(trigger.staticData.deliveriesSeen as object)).toHaveLength(500);
		const now = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(now + 24 * 60 * 60 * 1000 + 1000);
		expect((await trigger.deliver(withHeader(current('bulk-599')))).result.workflowData).toBeDefined();
		expect(Object.keys(trigger.staticData.deliveriesSeen as object)).toHaveLength(1);
	});

	test("off with the option; never in the editor's test mode", async () => {
		const off = new TriggerUnderTest('osviTrigger', { options: { ignoreRepeats: false } }, headerCredential(), V2);
		const test = new TriggerUnderTest('osviTrigger', {}, headerCredential(), { ...V2, mode: 'manual' });
		for (const trigger of [off, test]) {
			expect((await trigger.deliver(withHeader(current('call-e')))).result.workflowData).toBeDefined();
			expect((await trigger.deliver(withHeader(current('call-e')))).result.workflowData).toBeDefined();
		}
		expect(test.staticData.deliveriesSeen).toBeUndefined();
	});

	test('filtered deliveries are not remembered', async () => {
		const trigger = new TriggerUnderTest('osviTrigger', { filters: { statuses: ['busy'] } }, headerCredential(), V2);
		expect((await trigger.deliver(withHeader(current('call-f')))).response.body).toEqual({ received: true, ignored: 'call status not selected' });
		expect(trigger.staticData.deliveriesSeen).toBeUndefined();
	});
});

describe('OSVI Trigger: every echo of the secret is redacted', () => {
	test('in the URL, URL-encoded, JSON-escaped, base64, under the header name, and in headers when included', async () => {
		const echo = {
			...current(),
			call_trigger_data: {
				webhook_url: `https://n8n.example.com/webhook/x/osvi?token=${encodeURIComponent(SECRET)}`,
				raw: `secret=${SECRET}`,
				encoded: Buffer.from(SECRET).toString('base64'),
				json: JSON.stringify({ s: SECRET }),
				headers: { 'X-OSVI-Secret': 'a rotated-out secret', 'API-Token': 'abcdefghijklmnop' },
				other_url: 'https://crm.example/hook?token=another-secret-value&id=7',
			},
		};
		const { result } = await deliverWebhook('osviTrigger', { options: { includeHeaders: true } }, { body: echo, headers: { 'x-osvi-secret': SECRET, 'user-agent': 'OSVI' } }, headerCredential(), V2);
		const text = JSON.stringify(result.workflowData);
		for (const leaked of [SECRET, encodeURIComponent(SECRET), Buffer.from(SECRET).toString('base64'), 'rotated-out', 'abcdefghijklmnop', 'another-secret-value']) {
			expect({ leaked, found: text.includes(leaked) }).toEqual({ leaked, found: false });
		}
		const json = result.workflowData![0][0].json as { headers: object; body: { call_trigger_data: Record<string, unknown> } };
		expect(json.headers).toEqual({ 'user-agent': 'OSVI' });
		expect(json.body.call_trigger_data).toMatchObject({ webhook_url: 'https://n8n.example.com/webhook/x/osvi?token=***', other_url: 'https://crm.example/hook?token=***&id=7' });
	});
});

describe('OSVI Trigger in the editor', () => {
	test('v2: Authentication, then the credential selector; the secret fields are gone', () => {
		const fields = visibleFields('osviTrigger', 2);
		expect(fields.slice(fields.indexOf('authentication'), fields.indexOf('authentication') + 2)).toEqual(['authentication', 'credentials']);
		expect(fields).not.toContain('secret');
		expect(visibleCredentials('osviTrigger', 2)).toEqual(['osviTriggerApi']);
		expect(visibleCredentials('osviTrigger', 2, { authentication: 'none' })).toEqual([]);
	});

	test('v1: the parameter secret is marked deprecated, with a notice saying why', () => {
		const fields = visibleFields('osviTrigger', 1);
		expect(fields).toEqual(expect.arrayContaining(['deprecatedSecretNotice', 'verifySecret', 'secret']));
		expect(fields).not.toContain('authentication');
		expect(visibleCredentials('osviTrigger', 1)).toEqual([]);
		const secret = new OsviTrigger().description.properties.find((property) => property.name === 'secret');
		expect(secret?.displayName).toBe('Shared Secret (Deprecated)');
	});
});
