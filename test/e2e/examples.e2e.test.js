'use strict';
// The example workflows and the OSVI Trigger in a running n8n (`n8n start`): a CRM webhook places a
// call, the sandbox plays the call out and POSTs its post-call webhook to the trigger's production
// URL, and the executions n8n recorded are read back through its public API.
const { startSandbox } = require('../../sandbox');
const { configureSandboxForExamples, loadExamples, triggeredExamples, webhookPaths } = require('../../tools/examples');
const { N8nInstance, selectedVersions } = require('../../tools/n8n');

const selected = selectedVersions();

const runData = (execution, node) => execution.data.resultData.runData[node]?.[0]?.data?.main ?? [];

describe.each(selected)('n8n %s, running', (version) => {
	let sandbox;
	let n8n;

	beforeAll(async () => {
		sandbox = await startSandbox({ callDurationMs: 300 });
		n8n = await N8nInstance.create(version);
		const examples = loadExamples(n8n.url);
		// The example triggers (version 2) take their secrets from the sandbox's trigger credentials.
		await n8n.importCredentials([...sandbox.credentials(), ...sandbox.triggerCredentials()]);
		await n8n.importWorkflows(examples);
		for (const workflow of triggeredExamples(examples)) await n8n.activate(workflow.id);
		configureSandboxForExamples(sandbox, n8n.url);
		await n8n.start();
		for (const webhookPath of webhookPaths(examples)) await n8n.waitForWebhook(webhookPath);
	}, 900000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	});

	test('CRM record → OSVI call → post-call webhook → OSVI Trigger → follow-up branch', async () => {
		const since = Date.now();
		const record = { id: 'crm-7', name: 'Asha Rao', phone: '098765 43211', country: 'IN', appointment_date: '2026-11-24', owner: 'Ravi' };
		const answer = await fetch(`${n8n.url}/webhook/crm-contact-changed`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(record),
		});
		expect(answer.status).toBe(200);

		const callRun = await n8n.waitForExecution('exCrmTriggeredCall', since);
		expect(callRun.status).toBe('success');
		const [[placed]] = runData(callRun, 'Call the Customer');
		expect(placed.json).toMatchObject({ phone_number: '+919876543211', person_name: 'Asha Rao', country_code: 'IN' });

		const [request] = sandbox.received('osvi', 'POST', '/v1/call').slice(-1);
		expect(request.body).toMatchObject({
			phone_number: '9876543211',
			country_code: 'IN',
			person_name: 'Asha Rao',
			additional_data: { crm_record_id: 'crm-7', appointment_date: '2026-11-24', owner: 'Ravi' },
		});
		expect(request.body.data_extraction.map((field) => field.key)).toEqual(['appointment_confirmed', 'reschedule_preference', 'opted_out']);
		// The secret is no part of the URL (nor of any workflow): OSVI sends it as the dashboard's custom header.
		expect(request.body.webhook_url).toBe(`${n8n.url}/webhook/osvi-call-completed/osvi`);

		const resultRun = await n8n.waitForExecution('exCallResultFollowUp', since, 60000);
		expect(resultRun.status).toBe('success');
		expect(resultRun.mode).toBe('webhook');
		const [[event]] = runData(resultRun, 'Call Completed');
		// Version 2: the call in Call → Get's names, the delivered body beside it.
		expect(event.json).toMatchObject({ call_id: placed.json.call_id, status: 'picked', payload_format: 'current', data_captured: { appointment_confirmed: 'yes' } });
		expect(event.json.body.data_capture).toEqual(expect.objectContaining({ appointment_confirmed: 'yes' }));
		expect(sandbox.osvi.webhookDeliveries[0].headers).toEqual({ 'X-OSVI-Secret': sandbox.osviTriggerSecret });
		expect(JSON.stringify(resultRun)).not.toContain(sandbox.osviTriggerSecret);
		const [[details]] = runData(resultRun, 'Full Call Details');
		expect(details.json).toMatchObject({ call_id: placed.json.call_id, status: 'picked' });
		const [[transcript]] = runData(resultRun, 'Transcript');
		expect(transcript.json.transcript[0].content).toContain('Hello Asha Rao');
		expect(sandbox.osvi.webhookDeliveries.map((delivery) => delivery.status)).toEqual([200]);
		// Not opted out: a follow-up chat session is opened for the customer, nothing goes on the DND list.
		const [[chat]] = runData(resultRun, 'Follow-Up Chat');
		expect(chat.json).toMatchObject({ customer_id: '+919876543211', status: 'active', metadata: { input_fields: { last_call_summary: expect.any(String) } } });
		expect(resultRun.data.resultData.runData['Add to Do Not Disturb']).toBeUndefined();
	});

	test('a customer who opts out during the call is put on the agent\'s DND list', async () => {
		const since = Date.now();
		await fetch(`${n8n.url}/webhook/crm-contact-changed`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id: 'crm-9', name: 'Opt Out', phone: '9876543217' }),
		});
		const resultRun = await n8n.waitForExecution('exCallResultFollowUp', since, 60000);
		const [[entry]] = runData(resultRun, 'Add to Do Not Disturb');
		expect(entry.json).toMatchObject({ phone: '+919876543217', agent_uuid: 'agent_SandboxReminder01', reason: 'Opted out during the call' });
		const [request] = sandbox.received('osvi', 'POST', '/v1/dnd_numbers');
		expect(request.body).toEqual({ agent_uuid: 'agent_SandboxReminder01', phone: '+919876543217', reason: 'Opted out during the call' });
	});

	test('the older payload shape of an unanswered call takes the "not answered" branch', async () => {
		sandbox.osvi.webhookShape = 'legacy';
		const since = Date.now();
		await fetch(`${n8n.url}/webhook/crm-contact-changed`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ id: 'crm-8', name: 'Nobody Home', phone: '+91 98765 43210' }),
		});
		const resultRun = await n8n.waitForExecution('exCallResultFollowUp', since, 60000);
		const [[event]] = runData(resultRun, 'Call Completed');
		expect(event.json).toMatchObject({ status: 'not_picked', payload_format: 'older', phone_number: '+919876543210' });
		expect(runData(resultRun, 'Not Answered: Follow Up Later')[0]).toHaveLength(1);
		expect(resultRun.data.resultData.runData['Full Call Details']).toBeUndefined();
		sandbox.osvi.webhookShape = 'current';
	});

	test('a request without the secret is refused with 401 and starts no execution', async () => {
		const before = (await n8n.executions('exCallResultFollowUp')).length;
		const body = JSON.stringify({ call_log_id: 'forged', call_status: 'picked' });
		const headers = { 'content-type': 'application/json' };
		const url = `${n8n.url}/webhook/osvi-call-completed/osvi`;
		const wrong = await fetch(url, { method: 'POST', headers: { ...headers, 'X-OSVI-Secret': 'a-guessed-secret-value' }, body });
		const missing = await fetch(url, { method: 'POST', headers, body });
		const notJson = await fetch(url, { method: 'POST', headers: { ...headers, 'X-OSVI-Secret': sandbox.osviTriggerSecret }, body: '{}' });
		expect([wrong.status, missing.status, notJson.status]).toEqual([401, 401, 400]);
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect((await n8n.executions('exCallResultFollowUp')).length).toBe(before);
	});

	const post = (path, body) =>
		fetch(`${n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	test('Klen AI: the trigger registered itself on activation; a lead is called and the signed call.ended delivery runs the follow-up', async () => {
		const [registration] = sandbox.received('klen', 'POST', '/api/webhooks/create/');
		expect(registration.body).toEqual({ name: 'n8n: Example: Klen AI – call a new lead, read the finished call', url: `${n8n.url}/webhook/klen-call-events/klen`, subscribed_events: ['call.ended', 'call.failed'] });
		const since = Date.now();
		expect((await post('klen-new-lead', { name: 'Jane', phone: '(415) 555-2671', product: 'Pro plan' })).status).toBe(200);
		const first = await n8n.waitForExecution('exKlenAiLeadCall', since, 60000);
		const second = await n8n.waitForExecution('exKlenAiLeadCall', since, 60000);
		const [callRun, result] = first.data.resultData.runData['Call the Lead'] ? [first, second] : [second, first];
		const placed = runData(callRun, 'Call the Lead')[0][0].json;
		expect(placed).toMatchObject({ status: 'queued', phone_number: '+14155552671' });
		expect(sandbox.received('klen', 'POST', '/api/v1/calls')[0].body).toEqual({ phone_number: '+14155552671', agent_id: 11, variables: { customer_name: 'Jane', product: 'Pro plan' } });
		const [[details]] = runData(result, 'Call Details');
		expect(details.json).toMatchObject({ call_id: placed.call_id, status: 'completed', summary: expect.stringContaining('Jane') });
		expect(runData(result, 'Call Ended')[0][0].json).toMatchObject({ event: 'call.ended', call_id: placed.call_id, agent: { id: 11 } });
		expect(sandbox.klen.deliveries.map((delivery) => delivery.status)).toEqual([200]);
	});

	test('VoiceOS: an inline-configured call carries a webhook with the secret header; conversation:ended runs the follow-up', async () => {
		const since = Date.now();
		expect((await post('voiceos-booking', { name: 'Sam', phone: '+1 415 555 2672', date: 'Friday', booking_id: 'B-9' })).status).toBe(200);
		const first = await n8n.waitForExecution('exVoiceOsInlineCall', since, 60000);
		const second = await n8n.waitForExecution('exVoiceOsInlineCall', since, 60000);
		const [callRun, endedRun] = first.data.resultData.runData['Call with Inline Agent'] ? [first, second] : [second, first];
		const conversation = runData(callRun, 'Call with Inline Agent')[0][0].json;
		expect(JSON.stringify(callRun.data)).not.toContain(sandbox.voiceosTriggerSecret);
		const [request] = sandbox.received('voiceos', 'POST', '/conversations/create_phone_call');
		expect(request.body.agent_config).toMatchObject({
			prompt: 'You call Sam to confirm a booking for Friday. Be brief.',
			metadata: { booking_id: 'B-9' },
			webhooks: [{ url: `${n8n.url}/webhook/voiceos-call-events/voiceos`, events: ['conversation:ended'], headers: { 'X-VoiceOS-Secret': sandbox.voiceosTriggerSecret } }],
		});
		// Version 2: the conversation in VoiceOS → Get's names (`id`), and the echoed secret redacted.
		expect(runData(endedRun, 'Conversation Ended')[0][0].json).toMatchObject({ event: 'conversation:ended', id: conversation.id });
		expect(JSON.stringify(endedRun.data)).not.toContain(sandbox.voiceosTriggerSecret);
		expect(runData(endedRun, 'Conversation')[0][0].json).toMatchObject({ id: conversation.id, status: 'ended' });
	});

	test("UnleashX: a renewal call; the agent's end-of-session webhook runs the follow-up, which finds the execution", async () => {
		const since = Date.now();
		expect((await post('unleashx-renewal', { name: 'Asha', phone: '098765 43215', plan: 'gold' })).status).toBe(200);
		const first = await n8n.waitForExecution('exUnleashXRenewals', since, 60000);
		const second = await n8n.waitForExecution('exUnleashXRenewals', since, 60000);
		const [callRun, endedRun] = first.data.resultData.runData['Call the Customer'] ? [first, second] : [second, first];
		const started = runData(callRun, 'Call the Customer')[0][0].json;
		expect(started).toMatchObject({ phone_number: '+919876543215', call_status: 'initiated', agent_id: 505 });
		expect(runData(endedRun, 'Session Ended')[0][0].json).toMatchObject({ execution_id: started.execution_id, status: 'completed' });
		expect(runData(endedRun, 'Execution Record')[0][0].json).toMatchObject({ ID: started.execution_id, STATUS: 'completed', DISPOSITION: 'interested' });
		expect(JSON.stringify(endedRun.data)).not.toContain(sandbox.unleashxTriggerSecret);
	});

	test("every trigger credential's Test checks the secret: the sandbox's passes, a short one fails", async () => {
		for (const credential of sandbox.triggerCredentials()) {
			const secretField = Object.keys(credential.data).find((key) => /secret/i.test(key));
			const good = await n8n.testCredential(credential);
			const bad = await n8n.testCredential({ ...credential, data: { ...credential.data, [secretField]: ' short ' } });
			expect({ type: credential.type, good: good.status, bad: bad.status }).toEqual({ type: credential.type, good: 'OK', bad: 'Error' });
		}
	});

	test("every credential's Test button works against the sandbox, and fails clearly with a wrong secret", async () => {
		for (const credential of sandbox.credentials()) {
			const good = await n8n.testCredential(credential);
			expect({ type: credential.type, status: good.status }).toEqual({ type: credential.type, status: 'OK' });
			const secretField = Object.keys(credential.data).find((key) => key !== 'baseUrl');
			const bad = await n8n.testCredential({ ...credential, data: { ...credential.data, [secretField]: 'wrong-secret-value' } });
			expect({ type: credential.type, status: bad.status }).toEqual({ type: credential.type, status: 'Error' });
		}
	});
});
