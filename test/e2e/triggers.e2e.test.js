'use strict';
// The four triggers in a running n8n (`n8n start`, each pinned version), fed by the sandbox's own
// deliveries: version 2 with its secret in a credential, a version 1 workflow with the secret as a
// parameter, repeated and replayed deliveries (one execution each), and then a search for every
// token and secret over what n8n keeps: output and error items and execution data (public API),
// its database file and its logs. Action workflows of every platform run too, one of them meeting
// an API error that echoes the request headers.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { name: PACKAGE } = require('../../package.json');
const { startSandbox } = require('../../sandbox');
const { N8nInstance, selectedVersions } = require('../../tools/n8n');
const { byId, chain, webhookStart } = require('./workflows');

const selected = selectedVersions();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** The version 1 workflow's secret: a parameter, so n8n stores it in clear (why version 2 exists). */
const V1_SECRET = 'version-one-parameter-secret-0001';

const outputOf = (execution, node) => execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [];

/** A trigger of this package as the first node of a workflow, with its webhook at `<webhookId>/<path>`. */
function triggerStart(type, webhookId, parameters, credentials, typeVersion = 2) {
	return { name: 'Trigger', type: `${PACKAGE}.${type}`, typeVersion, webhookId, parameters, credentials };
}

const done = [{ name: 'Done', type: 'n8n-nodes-base.noOp', parameters: {} }];
const ref = (credential) => ({ [credential.type]: { id: credential.id, name: credential.name } });

describe.each(selected)('n8n %s: triggers, repeated deliveries and secrets', (version) => {
	let sandbox;
	let n8n;
	let hookUrl;

	beforeAll(async () => {
		sandbox = await startSandbox({ callDurationMs: 300 });
		n8n = await N8nInstance.create(version);
		hookUrl = (webhookId, trigger) => `${n8n.url}/webhook/${webhookId}/${trigger}`;
		const trigger = (name) => sandbox.triggerCredential(name);
		const api = (name) => sandbox.credential(name);
		const workflows = [
			chain('e2eTrigOsviV2', 'OSVI Trigger v2', done, { start: triggerStart('osviTrigger', 'e2e-osvi-v2', {}, ref(trigger('osvi'))) }),
			chain('e2eTrigOsviV1', 'OSVI Trigger v1', done, {
				start: triggerStart('osviTrigger', 'e2e-osvi-v1', { verifySecret: true, secret: V1_SECRET, secretLocation: 'header', headerName: 'X-OSVI-Secret' }, undefined, 1),
			}),
			chain('e2eTrigKlenV2', 'Klen AI Trigger v2', done, {
				start: triggerStart('klenAiTrigger', 'e2e-klen-v2', { registration: 'automatic', events: ['call.ended'], verifySignature: true }, ref(api('klen'))),
			}),
			chain('e2eTrigVoiceV2', 'VoiceOS Trigger v2', done, { start: triggerStart('voiceOsTrigger', 'e2e-voiceos-v2', { events: ['conversation:ended'] }, ref(trigger('voiceos'))) }),
			chain('e2eTrigUnlxV2', 'UnleashX Trigger v2', done, { start: triggerStart('unleashXTrigger', 'e2e-unleashx-v2', {}, ref(trigger('unleashx'))) }),
			chain('e2eActOsvi', 'OSVI actions', [
				{ name: 'Agents', type: 'osvi', parameters: { resource: 'agent', operation: 'getMany' } },
				{
					name: 'Call',
					type: 'osvi',
					executeOnce: true,
					parameters: { resource: 'call', operation: 'initiate', agent: byId('agent_SandboxReminder01'), phoneNumber: "={{ $('Webhook').item.json.body.phone }}", country: 'IN', additionalFields: { webhookUrl: '={{ $("Webhook").item.json.body.hook }}' } },
				},
			], { start: webhookStart('e2e-act-osvi') }),
			chain('e2eActKlen', 'Klen AI actions', [
				{ name: 'Agents', type: 'klenAi', parameters: { resource: 'agent', operation: 'getMany' } },
				{ name: 'Call', type: 'klenAi', executeOnce: true, parameters: { resource: 'call', operation: 'initiate', agent: byId('11'), phoneNumber: "={{ $('Webhook').item.json.body.phone }}", country: 'US' } },
			], { start: webhookStart('e2e-act-klen') }),
			chain('e2eActVoice', 'VoiceOS actions', [
				{ name: 'Agents', type: 'voiceOs', parameters: { resource: 'agent', operation: 'getMany', returnAll: true } },
				{
					name: 'Call',
					type: 'voiceOs',
					executeOnce: true,
					parameters: { resource: 'call', operation: 'createPhoneCall', callUsing: 'savedAgent', agent: byId('agt_2'), fromNumber: { __rl: true, mode: 'list', value: '+14155550100' }, toNumber: '+14155552673', country: 'US' },
				},
			], { start: webhookStart('e2e-act-voiceos') }),
			chain('e2eActUnlx', 'UnleashX actions', [
				{ name: 'Agents', type: 'unleashX', parameters: { resource: 'agent', operation: 'getMany' } },
				{ name: 'Call', type: 'unleashX', executeOnce: true, parameters: { resource: 'call', operation: 'makeCall', agent: byId('501'), phoneNumber: '9876543216', country: 'IN' } },
			], { start: webhookStart('e2e-act-unleashx') }),
		];
		// An API error that echoes the request headers, met with Continue On Fail on and then off.
		for (const [platform, type] of [['osvi', 'osvi'], ['klen', 'klenAi'], ['voiceos', 'voiceOs'], ['unleashx', 'unleashX']]) {
			workflows.push(
				chain(`e2eEcho${platform}`, `${platform} echoing error`, [
					{ name: 'Continue', type, parameters: { resource: 'agent', operation: 'getMany' }, onError: 'continueRegularOutput' },
					{ name: 'Stop', type, parameters: { resource: 'agent', operation: 'getMany' }, executeOnce: true },
				], { start: webhookStart(`e2e-echo-${platform}`) }),
			);
		}
		await n8n.importCredentials([...sandbox.credentials(), ...sandbox.triggerCredentials()]);
		await n8n.importWorkflows(workflows);
		for (const workflow of workflows) await n8n.activate(workflow.id);
		await n8n.start();
		for (const webhookPath of ['e2e-osvi-v2/osvi', 'e2e-osvi-v1/osvi', 'e2e-klen-v2/klen', 'e2e-voiceos-v2/voiceos', 'e2e-unleashx-v2/unleashx', 'e2e-act-osvi', 'e2e-echo-osvi']) {
			await n8n.waitForWebhook(webhookPath);
		}
	}, 900000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	});

	const post = (url, body, headers = {}) =>
		fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

	/** Waits a moment for stragglers, then counts the executions of a workflow. */
	async function executionsAfterSettling(workflowId) {
		await sleep(1500);
		return await n8n.executions(workflowId);
	}

	test('OSVI v2: a call placed by the action reaches the trigger with the credential\'s header; the same delivery again, or twice at once, starts nothing more', async () => {
		const since = Date.now();
		sandbox.osvi.webhookHeaders = { 'X-OSVI-Secret': sandbox.osviTriggerSecret };
		expect((await post(`${n8n.url}/webhook/e2e-act-osvi`, { phone: '9876543211', hook: hookUrl('e2e-osvi-v2', 'osvi') })).status).toBe(200);
		expect((await n8n.waitForExecution('e2eActOsvi', since)).status).toBe('success');
		const first = await n8n.waitForExecution('e2eTrigOsviV2', since, 60000);
		const [[event]] = [outputOf(first, 'Trigger')];
		expect(event.json).toMatchObject({ status: 'picked', phone_number: '+919876543211', payload_format: 'current', data_captured: expect.any(Object) });

		const [delivery] = sandbox.osvi.webhookDeliveries;
		const headers = { 'X-OSVI-Secret': sandbox.osviTriggerSecret };
		expect((await post(hookUrl('e2e-osvi-v2', 'osvi'), delivery.body, headers)).status).toBe(200);
		const twice = { ...delivery.body, call_log_id: crypto.randomUUID() };
		const answers = await Promise.all([post(hookUrl('e2e-osvi-v2', 'osvi'), twice, headers), post(hookUrl('e2e-osvi-v2', 'osvi'), twice, headers)]);
		expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
		const runs = await executionsAfterSettling('e2eTrigOsviV2');
		expect(runs.filter((run) => Date.parse(run.startedAt) >= since)).toHaveLength(2);
	});

	test('a version 1 trigger workflow (the secret as a parameter) still runs, and its output carries no copy of it', async () => {
		const since = Date.now();
		const body = { call_log_id: 'v1-call', call_status: 'picked', call_trigger_data: { webhook_url: `${hookUrl('e2e-osvi-v1', 'osvi')}?token=${V1_SECRET}` } };
		expect((await post(hookUrl('e2e-osvi-v1', 'osvi'), body, { 'X-OSVI-Secret': 'wrong' })).status).toBe(401);
		expect((await post(hookUrl('e2e-osvi-v1', 'osvi'), body, { 'X-OSVI-Secret': V1_SECRET })).status).toBe(200);
		const run = await n8n.waitForExecution('e2eTrigOsviV1', since);
		expect(run.status).toBe('success');
		expect(outputOf(run, 'Trigger')[0].json).toMatchObject({ call_id: 'v1-call', payload_format: 'current' });
		expect(JSON.stringify(outputOf(run, 'Trigger'))).not.toContain(V1_SECRET);
	});

	test('Klen AI v2: registered once on activation; the signed delivery runs once, its replay and a delivery dated 2020 start nothing', async () => {
		const registrations = sandbox.received('klen', 'POST', '/api/webhooks/create/');
		expect(registrations.map((request) => request.body.url)).toEqual([hookUrl('e2e-klen-v2', 'klen')]);
		const since = Date.now();
		expect((await post(`${n8n.url}/webhook/e2e-act-klen`, { phone: '+14155552671' })).status).toBe(200);
		const first = await n8n.waitForExecution('e2eTrigKlenV2', since, 60000);
		const [event] = outputOf(first, 'Trigger');
		expect(event.json).toMatchObject({ event: 'call.ended', status: 'completed', agent: { id: 11 } });

		const sign = (raw) => crypto.createHmac('sha256', sandbox.klenSigningSecret).update(raw).digest('hex');
		const replay = JSON.stringify(event.json.body);
		expect((await post(hookUrl('e2e-klen-v2', 'klen'), replay, { 'x-klen-signature': sign(replay) })).status).toBe(200);
		const old = JSON.stringify({ ...event.json.body, call: { ...event.json.body.call, klen_call_id: 'klen_call_2020' }, timestamp: '2020-01-01T00:00:00Z' });
		expect((await post(hookUrl('e2e-klen-v2', 'klen'), old, { 'x-klen-signature': sign(old) })).status).toBe(401);
		expect((await executionsAfterSettling('e2eTrigKlenV2')).filter((run) => Date.parse(run.startedAt) >= since)).toHaveLength(1);
		expect(sandbox.klen.deliveries.map((delivery) => delivery.status)).toEqual([200]);
	});

	test('VoiceOS v2: the delivery echoes the secret header in agent_config; the output does not; sent again it starts nothing', async () => {
		// The action workflow first (its agent list would show the webhook configured next).
		const since = Date.now();
		expect((await post(`${n8n.url}/webhook/e2e-act-voiceos`, {})).status).toBe(200);
		expect((await n8n.waitForExecution('e2eActVoice', since)).status).toBe('success');
		// What the VoiceOS dashboard would hold: agt_1 sends conversation:ended to the trigger with the secret header.
		sandbox.voiceos.agents[0].webhooks = [{ events: ['conversation:ended'], url: hookUrl('e2e-voiceos-v2', 'voiceos'), method: 'POST', headers: { 'X-VoiceOS-Secret': sandbox.voiceosTriggerSecret } }];
		const call = await post(`${sandbox.voiceosUrl}/conversations/create_phone_call`, { agent_id: 'agt_1', from_number: '+14155550100', to_number: '+14155552672' }, { authorization: `Bearer ${sandbox.voiceosToken}` });
		const conversation = await call.json();
		const run = await n8n.waitForExecution('e2eTrigVoiceV2', since, 60000);
		const [event] = outputOf(run, 'Trigger');
		expect(event.json).toMatchObject({ event: 'conversation:ended', id: conversation.id, status: 'ended', body: { conversation: { agent_config: { webhooks: [{ headers: { 'X-VoiceOS-Secret': '***' } }] } } } });
		const [delivery] = sandbox.voiceos.deliveries;
		expect(delivery.status).toBe(200);
		const again = await post(hookUrl('e2e-voiceos-v2', 'voiceos'), { event: 'conversation:ended', conversation: { id: conversation.id, status: 'ended' } }, { 'X-VoiceOS-Secret': sandbox.voiceosTriggerSecret });
		expect(again.status).toBe(200);
		expect((await executionsAfterSettling('e2eTrigVoiceV2')).filter((execution) => Date.parse(execution.startedAt) >= since)).toHaveLength(1);
	});

	test("UnleashX v2: the agent's end-of-session data with the credential's header runs once; sent again it starts nothing", async () => {
		sandbox.unleashx.configureAgent(501, { session_data_webhook: hookUrl('e2e-unleashx-v2', 'unleashx'), webhook_headers: { 'X-UnleashX-Secret': sandbox.unleashxTriggerSecret } });
		const since = Date.now();
		expect((await post(`${n8n.url}/webhook/e2e-act-unleashx`, {})).status).toBe(200);
		const run = await n8n.waitForExecution('e2eTrigUnlxV2', since, 60000);
		const [event] = outputOf(run, 'Trigger');
		expect(event.json).toMatchObject({ status: 'completed', phone_number: '+919876543216' });
		const [delivery] = sandbox.unleashx.deliveries;
		expect((await post(hookUrl('e2e-unleashx-v2', 'unleashx'), delivery.body, { 'X-UnleashX-Secret': sandbox.unleashxTriggerSecret })).status).toBe(200);
		expect((await executionsAfterSettling('e2eTrigUnlxV2')).filter((execution) => Date.parse(execution.startedAt) >= since)).toHaveLength(1);
	});

	test('an API error echoing the request headers: an error item and a failed run on every platform, in the API\'s words', async () => {
		const agentPaths = { osvi: '/v1/active_agents', klen: '/api/v1/agents', voiceos: '/agents', unleashx: '/api/v1/global/agents/get' };
		for (const [platform, agentPath] of Object.entries(agentPaths)) {
			sandbox.setFaults({ script: [{ method: 'GET', path: agentPath, fault: 'echoHeaders', times: 2 }] });
			const since = Date.now();
			await post(`${n8n.url}/webhook/e2e-echo-${platform}`, {});
			const run = await n8n.waitForExecution(`e2eEcho${platform}`, since);
			expect({ platform, status: run.status }).toEqual({ platform, status: 'error' });
			const [item] = outputOf(run, 'Continue');
			expect(item.json.error).toContain('Headers received');
			expect(run.data.resultData.error.message).toContain('Headers received');
		}
		sandbox.setFaults({});
	});

	test('no token or secret anywhere n8n keeps it: execution data, the database file, the logs', async () => {
		const secrets = {
			'OSVI token': sandbox.osviToken,
			'Klen AI key': sandbox.klenKey,
			'VoiceOS token': sandbox.voiceosToken,
			'UnleashX token': sandbox.unleashxToken,
			'OSVI trigger secret': sandbox.osviTriggerSecret,
			'Klen AI signing secret': sandbox.klenSigningSecret,
			'VoiceOS trigger secret': sandbox.voiceosTriggerSecret,
			'UnleashX trigger secret': sandbox.unleashxTriggerSecret,
		};
		const forms = (secret) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')];
		const executions = [];
		for (const id of ['e2eTrigOsviV2', 'e2eTrigOsviV1', 'e2eTrigKlenV2', 'e2eTrigVoiceV2', 'e2eTrigUnlxV2', 'e2eActOsvi', 'e2eActKlen', 'e2eActVoice', 'e2eActUnlx', 'e2eEchoosvi', 'e2eEchoklen', 'e2eEchovoiceos', 'e2eEchounleashx']) {
			executions.push(...(await n8n.executions(id)));
		}
		// Every workflow ran, and the runs hold items and errors: the search below looks at real data.
		expect(executions.length).toBeGreaterThanOrEqual(14);
		const n8nFolder = path.join(n8n.userFolder, '.n8n');
		const kept = fs
			.readdirSync(n8nFolder)
			.filter((file) => /^database\.sqlite|\.log$/.test(file))
			.map((file) => path.join(n8nFolder, file));
		expect(kept.some((file) => file.endsWith('database.sqlite'))).toBe(true);
		const places = {
			'execution data (public API)': JSON.stringify(executions),
			...Object.fromEntries(kept.map((file) => [path.basename(file), fs.readFileSync(file).toString('latin1')])),
			"n8n's log": fs.readFileSync(n8n.logFile, 'utf8'),
		};
		const hits = [];
		for (const [place, text] of Object.entries(places)) {
			for (const [what, secret] of Object.entries(secrets)) {
				if (forms(secret).some((form) => text.includes(form))) hits.push(`${what} in ${place}`);
			}
		}
		expect(hits).toEqual([]);
		// The search would find one: the version 1 workflow keeps its parameter secret in the database.
		expect(places['database.sqlite']).toContain(V1_SECRET);
	});
});
