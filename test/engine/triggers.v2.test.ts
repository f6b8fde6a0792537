// VoiceOS and UnleashX Triggers version 2 (the secret from a credential), their repeated
// deliveries, and the secret echoed back by the platform (VoiceOS sends the call's configuration,
// webhook headers included). OSVI and Klen AI have their own files.
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { deliverWebhook, runNode, serveTrigger, TriggerUnderTest, visibleCredentials, visibleFields, waitFor } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 50 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { platformNamed } = require('../../sandbox/registry') as { platformNamed(name: string): { configureForWorkflows(fake: unknown, workflows: object[], options: { webhookUrl(node: object): string }): void } };

const V2 = { typeVersion: 2 };

describe('VoiceOS Trigger v2', () => {
	const voiceOsTrigger = () => ({ voiceOsTriggerApi: { secret: sandbox.voiceosTriggerSecret, headerName: 'X-VoiceOS-Secret' } });
	const api = () => ({ voiceOsApi: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } });
	const headers = () => ({ 'x-voiceos-secret': sandbox.voiceosTriggerSecret });
	const ended = (id = 'conv_1') => ({ event: 'conversation:ended', conversation: { id, status: 'ended' } });

	test('the header secret from the credential; a wrong one gets 401', async () => {
		expect((await deliverWebhook('voiceOsTrigger', {}, { body: ended(), headers: headers() }, voiceOsTrigger(), V2)).result.workflowData).toBeDefined();
		const refused = await deliverWebhook('voiceOsTrigger', {}, { body: ended(), headers: { 'x-voiceos-secret': 'no' } }, voiceOsTrigger(), V2);
		expect({ status: refused.response.statusCode, started: refused.result.workflowData }).toEqual({ status: 401, started: undefined });
	});

	test("a saved agent's webhook: the conversation in Get's names, and the secret VoiceOS echoes in agent_config is redacted", async () => {
		const trigger = new TriggerUnderTest('voiceOsTrigger', { events: ['conversation:ended'] }, voiceOsTrigger(), V2);
		const served = await serveTrigger(trigger);
		try {
			// What the VoiceOS dashboard would hold: the agent sends its events to the trigger with the secret header.
			sandbox.voiceos.agents[0].webhooks = [{ events: ['conversation:ended'], url: served.url, method: 'POST', headers: { 'X-VoiceOS-Secret': sandbox.voiceosTriggerSecret } }];
			const placed = await runNode({
				type: 'voiceOs',
				parameters: { resource: 'call', operation: 'createPhoneCall', callUsing: 'savedAgent', agent: { __rl: true, mode: 'id', value: 'agt_1' }, fromNumber: { __rl: true, mode: 'list', value: '+14155550100' }, toNumber: '+14155552671', country: 'US' },
				credentials: api(),
			});
			const id = placed.items[0].json.id as string;
			await waitFor(() => served.started.length > 0);
			const event = served.started[0];
			expect(JSON.stringify(event)).not.toContain(sandbox.voiceosTriggerSecret);
			expect(event).toMatchObject({ event: 'conversation:ended', body: { conversation: { agent_config: { webhooks: [{ headers: { 'X-VoiceOS-Secret': '***' } }] } } } });
			const got = (await runNode({ type: 'voiceOs', parameters: { resource: 'call', operation: 'get', conversationId: id }, credentials: api() })).items[0].json;
			for (const name of ['id', 'status', 'type', 'agent_id', 'started_at', 'ended_at', 'ended_reason', 'phone_call', 'messages', 'cost_breakdown']) {
				expect({ name, value: event[name] }).toEqual({ name, value: got[name] });
			}
		} finally {
			await served.close();
		}
	});

	test('repeats: the same event of a conversation once; events that come many times only when identical', async () => {
		const trigger = new TriggerUnderTest('voiceOsTrigger', { events: [] }, voiceOsTrigger(), V2);
		const deliver = async (body: object) => (await trigger.deliver({ body, headers: headers() })).result.workflowData !== undefined;
		expect([await deliver(ended('c1')), await deliver({ ...ended('c1'), extra: 1 }), await deliver(ended('c2'))]).toEqual([true, false, true]);
		const message = (content: string) => ({ event: 'message:sent', conversation: { id: 'c1', messages: [{ role: 'agent', content }] } });
		expect([await deliver(message('Hello')), await deliver(message('How are you?')), await deliver(message('Hello'))]).toEqual([true, true, false]);
	});

	test('version 1 keeps its fields: event, conversation_id, status', async () => {
		const { result } = await deliverWebhook('voiceOsTrigger', { verifySecret: false }, { body: ended() });
		expect(result.workflowData![0][0].json).toEqual({ event: 'conversation:ended', conversation_id: 'conv_1', status: 'ended', body: ended() });
	});

	test('in the editor: Authentication, then the credential', () => {
		const fields = visibleFields('voiceOsTrigger', 2);
		expect(fields.slice(fields.indexOf('authentication'), fields.indexOf('authentication') + 2)).toEqual(['authentication', 'credentials']);
		expect(visibleCredentials('voiceOsTrigger', 2)).toEqual(['voiceOsTriggerApi']);
		expect(visibleFields('voiceOsTrigger', 1)).toEqual(expect.arrayContaining(['deprecatedSecretNotice', 'secret', 'headerName']));
	});
});

describe('UnleashX Trigger v2', () => {
	const unleashXTrigger = (location = 'header') => ({ unleashXTriggerApi: { secret: sandbox.unleashxTriggerSecret, location, headerName: 'X-UnleashX-Secret' } });
	const body = (executionId = 'e1', status = 'completed') => ({ execution_id: executionId, status, phone_number: '+919876543211', disposition: 'interested' });

	test('header or ?token= from the credential; the same execution and status once', async () => {
		const trigger = new TriggerUnderTest('unleashXTrigger', {}, unleashXTrigger(), V2);
		const headers = { 'x-unleashx-secret': sandbox.unleashxTriggerSecret };
		expect((await trigger.deliver({ body: body(), headers })).result.workflowData![0][0].json).toEqual({ execution_id: 'e1', status: 'completed', phone_number: '+919876543211', body: body() });
		expect((await trigger.deliver({ body: body(), headers })).response.body).toEqual({ received: true, ignored: 'repeated delivery' });
		expect((await trigger.deliver({ body: body('e1', 'failed'), headers })).result.workflowData).toBeDefined();
		expect((await trigger.deliver({ body: body('e2'), headers: { 'x-unleashx-secret': 'no' } })).response.statusCode).toBe(401);
		const query = await deliverWebhook('unleashXTrigger', {}, { body: body(), query: { token: sandbox.unleashxTriggerSecret } }, unleashXTrigger('query'), V2);
		expect(query.result.workflowData).toBeDefined();
	});

	test("a workflow with a v2 trigger: the sandbox's agent sends end-of-session data with the credential's secret", async () => {
		const trigger = new TriggerUnderTest('unleashXTrigger', {}, unleashXTrigger(), V2);
		const served = await serveTrigger(trigger);
		try {
			const workflow = {
				nodes: [
					{ name: 'Session Ended', type: 'n8n-nodes-voice-agents.unleashXTrigger', typeVersion: 2, webhookId: 'w', parameters: {}, credentials: { unleashXTriggerApi: { id: 'unleashxSandboxTrig' } } },
					{ name: 'Call', type: 'n8n-nodes-voice-agents.unleashX', typeVersion: 1, parameters: { operation: 'makeCall', agent: { __rl: true, mode: 'id', value: '501' } } },
				],
			};
			platformNamed('unleashx').configureForWorkflows(sandbox.unleashx, [workflow], { webhookUrl: () => served.url });
			await runNode({
				type: 'unleashX',
				parameters: { resource: 'call', operation: 'makeCall', agent: { __rl: true, mode: 'id', value: '501' }, phoneNumber: '9876543211', country: 'IN' },
				credentials: { unleashXApi: { apiToken: sandbox.unleashxToken, baseUrl: sandbox.unleashxUrl } },
			});
			await waitFor(() => served.statuses.length > 0);
			expect(served.statuses).toEqual([200]);
			expect(served.started[0]).toMatchObject({ status: 'completed', phone_number: '+919876543211' });
		} finally {
			await served.close();
		}
	});

	test('every echo of the secret is redacted: in the URL (?token=, URL-encoded), raw, JSON-escaped, base64, under the header name', async () => {
		const secret = 'c2VjcmV0/with+special=chars&more';
		const echo = {
			...body('e9'),
			agent_settings: {
				session_data_webhook: `https://n8n.example.com/webhook/x/unleashx?token=${encodeURIComponent(secret)}`,
				raw: `secret=${secret}`,
				encoded: Buffer.from(secret).toString('base64'),
				json: JSON.stringify({ s: secret }),
				webhook_headers: { 'X-UnleashX-Secret': 'a rotated-out secret' },
				other_url: 'https://crm.example/hook?token=another-secret-value&id=7',
			},
		};
		for (const location of ['header', 'query']) {
			const credentials = { unleashXTriggerApi: { secret, location, headerName: 'X-UnleashX-Secret' } };
			const request = location === 'header' ? { body: echo, headers: { 'x-unleashx-secret': secret } } : { body: echo, query: { token: secret } };
			const { result } = await deliverWebhook('unleashXTrigger', {}, request, credentials, V2);
			const text = JSON.stringify(result.workflowData);
			for (const leaked of [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), 'rotated-out', 'another-secret-value']) {
				expect({ location, leaked, found: text.includes(leaked) }).toEqual({ location, leaked, found: false });
			}
			const json = result.workflowData![0][0].json as { execution_id: string; body: { agent_settings: Record<string, unknown> } };
			expect(json.execution_id).toBe('e9');
			expect(json.body.agent_settings).toMatchObject({ session_data_webhook: 'https://n8n.example.com/webhook/x/unleashx?token=***', other_url: 'https://crm.example/hook?token=***&id=7' });
		}
	});

	test('in the editor: Authentication, then the credential', () => {
		const fields = visibleFields('unleashXTrigger', 2);
		expect(fields.slice(fields.indexOf('authentication'), fields.indexOf('authentication') + 2)).toEqual(['authentication', 'credentials']);
		expect(visibleCredentials('unleashXTrigger', 2)).toEqual(['unleashXTriggerApi']);
	});
});
