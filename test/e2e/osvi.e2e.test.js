'use strict';
// Longer than 250 lines on purpose: one real n8n is installed and started per line, and every OSVI
// workflow shares it (a file per workflow would pay n8n's start-up each time).
// The OSVI node in a real n8n (each pinned version): the packed package installed as n8n's
// community-package installer does, credentials and workflows imported, workflows run with
// `n8n execute`, and every check made both on n8n's run JSON and on what the sandbox received.
const { startSandbox } = require('../../sandbox');
const { loadExamples } = require('../../tools/examples');
const { N8nInstance, selectedVersions } = require('../../tools/n8n');
const { byId, chain } = require('./workflows');
const { AGENT_VERSIONS, CONFIGURED, agentWithOsviTool, guardrailTests } = require('./agentTools');

const selected = selectedVersions();
const AGENT = 'agent_SandboxReminder01';

function nodeOutput(run, nodeName) {
	const task = run.data.resultData.runData[nodeName]?.[0];
	return { items: task?.data?.main?.[0] ?? [], error: task?.error };
}

/** Places a call straight through the sandbox's API and waits for it to end. */
async function completedCall(sandbox, phone) {
	const response = await fetch(`${sandbox.osviUrl}/v1/call`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'api-token': sandbox.osviToken },
		body: JSON.stringify({
			agent_uuid: AGENT,
			phone_number: phone,
			country_code: 'IN',
			data_extraction: [{ key: 'confirmed', description: 'Confirm?', output_format: 'yes or no' }],
		}),
	});
	const { data } = await response.json();
	const until = Date.now() + 5000;
	while (sandbox.osvi.findCall(data.call_id).status === 'in_progress' && Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return data.call_id;
}

const rows = [
	{ name: 'Asha', phone: '+91 98765-43211' },
	{ name: 'Bob', phone: '(415) 555-2671', country: 'US' },
	{ name: 'Chitra', phone: '098765 43213' },
];
const badRows = [
	{ name: 'Asha', phone: '9876543211' },
	{ name: 'Nobody', phone: '12345' },
	{ name: 'Chitra', phone: '9876543213' },
];

const initiateStep = (extra = {}) => ({
	name: 'OSVI',
	type: 'osvi',
	parameters: {
		resource: 'call',
		operation: 'initiate',
		agent: byId(AGENT),
		phoneNumber: '={{ $json.phone }}',
		country: '={{ $json.country ?? "IN" }}',
		additionalFields: { personName: '={{ $json.name }}' },
		additionalDataMode: 'json',
		additionalDataJson: '={{ { crm_name: $json.name } }}',
		dataExtraction: { fields: [{ key: 'confirmed', description: 'Ask to confirm', required: true, outputFormat: 'yes or no' }] },
	},
	...extra,
});

describe.each(selected)('n8n %s', (version) => {
	let sandbox;
	let n8n;
	let ids;

	beforeAll(async () => {
		sandbox = await startSandbox({ callDurationMs: 100 });
		n8n = await N8nInstance.create(version);
		ids = {};
		sandbox.osvi.seedCalls(230);
		const doneCall = await completedCall(sandbox, '9876543215');
		const workflows = [
			chain('e2eOsviAgents0001', 'Agents', [{ name: 'OSVI', type: 'osvi', parameters: { resource: 'agent', operation: 'getMany' } }]),
			chain('e2eOsviInitiate01', 'Initiate', [initiateStep()], { rows }),
			chain('e2eOsviCofOn00001', 'Continue on fail', [initiateStep({ onError: 'continueRegularOutput' })], { rows: badRows }),
			chain('e2eOsviCofOff0001', 'Stop on fail', [initiateStep()], { rows: badRows }),
			chain('e2eOsviReadBack01', 'Read back', [
				{ name: 'Get', type: 'osvi', parameters: { resource: 'call', operation: 'get', callId: doneCall } },
				{ name: 'Transcript', type: 'osvi', parameters: { resource: 'call', operation: 'getTranscript', callId: '={{ $json.call_id }}', output: 'turns' } },
				{ name: 'Recording', type: 'osvi', parameters: { resource: 'call', operation: 'getRecording', callId: '={{ $json.call_id }}', download: true, binaryPropertyName: 'audio' } },
			]),
			chain('e2eOsviGetMany001', 'Get many', [
				{ name: 'All', type: 'osvi', parameters: { resource: 'call', operation: 'getMany', returnAll: true } },
			]),
			chain('e2eOsviGetMany002', 'Get many with filters', [
				{ name: 'Filtered', type: 'osvi', parameters: { resource: 'call', operation: 'getMany', returnAll: false, limit: 120, filters: { status: ['picked'], agentId: AGENT } } },
			]),
		];
		const dndStep = (name, operation, parameters) => ({ name, type: 'osvi', parameters: { resource: 'dnd', operation, agent: byId(AGENT), country: 'IN', ...parameters } });
		const chatStep = (name, operation, parameters) => ({ name, type: 'osvi', parameters: { resource: 'chat', operation, ...parameters } });
		workflows.push(
			chain('e2eOsviDnd0000001', 'DND', [
				dndStep('Add', 'add', { phone: '098765 43219', reason: 'asked' }),
				dndStep('Check', 'check', { phone: '+919876543219' }),
				dndStep('List', 'getMany', { returnAll: true }),
				{
					name: 'Call Unless DND',
					type: 'osvi',
					parameters: { resource: 'call', operation: 'initiate', agent: byId(AGENT), phoneNumber: '9876543219', country: 'IN', options: { skipDnd: true } },
				},
				dndStep('Remove', 'remove', { phone: '9876543219' }),
			]),
			chain('e2eOsviChat000001', 'Chat', [
				chatStep('Message', 'sendMessage', { agent: byId(AGENT), customerId: 'cust-1', content: 'I need a human' }),
				chatStep('Takeover', 'supportCommand', { sessionId: '={{ $json.session_id }}', command: 'takeover' }),
				chatStep('Tell', 'supportCommand', { sessionId: '={{ $json.session_id }}', command: 'tell', message: 'Offer a refund' }),
				chatStep('Context', 'injectContext', { sessionId: '={{ $json.session_id }}', context: 'Refund approved' }),
				chatStep('End', 'supportCommand', { sessionId: '={{ $json.session_id }}', command: 'end' }),
				chatStep('Active', 'getActiveSession', { customerId: 'cust-1', agentId: AGENT }),
			]),
			chain('e2eOsviWait000001', 'Wait for completion', [
				{
					name: 'Call and Wait',
					type: 'osvi',
					parameters: {
						resource: 'call',
						operation: 'initiate',
						agent: byId(AGENT),
						phoneNumber: '9876543214',
						country: 'IN',
						dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', outputFormat: 'yes or no' }] },
						options: { waitForCompletion: true, pollIntervalSeconds: 1, maxWaitMinutes: 1, includeTranscript: true },
					},
				},
			]),
			...loadExamples(n8n.url).filter((workflow) => ['exBulkCampaignUpload', 'exAiAgentOsviTool'].includes(workflow.id)),
			...[...AGENT_VERSIONS, CONFIGURED].map((agent) => agentWithOsviTool(loadExamples(n8n.url), agent)),
		);
		ids.doneCall = doneCall;
		await n8n.importCredentials([sandbox.credential('osvi'), sandbox.credential('openai')]);
		await n8n.importWorkflows(workflows);
	}, 900000);

	afterAll(async () => {
		await n8n?.stop();
		await sandbox?.close();
	});

	beforeEach(() => {
		sandbox.requests.length = 0;
	});

	test('Agent → Get Many lists the sandbox agents, through the stored credential', async () => {
		const { code, run } = await n8n.execute('e2eOsviAgents0001');
		expect(code).toBe(0);
		expect(nodeOutput(run, 'OSVI').items.map((item) => item.json.agent_id)).toEqual([AGENT, 'agent_SandboxSurvey02']);
		const [request] = sandbox.received('osvi', 'GET', '/v1/active_agents');
		expect(request.authenticated).toBe(true);
	});

	test('Call → Initiate: CRM-style numbers are normalised and every item is placed once', async () => {
		const { code, run, stdout } = await n8n.execute('e2eOsviInitiate01');
		expect(code).toBe(0);
		const { items } = nodeOutput(run, 'OSVI');
		expect(items.map((item) => item.json.phone_number)).toEqual(['+919876543211', '+14155552671', '+919876543213']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		// Items run in parallel (Concurrency 32 by default): the sandbox may receive them in any order.
		const bodies = sandbox.received('osvi', 'POST', '/v1/call').map((request) => request.body);
		const summary = bodies.map((body) => [body.phone_number, body.country_code, body.person_name, body.additional_data.crm_name]);
		expect(summary.sort()).toEqual([
			['4155552671', 'US', 'Bob', 'Bob'],
			['9876543211', 'IN', 'Asha', 'Asha'],
			['9876543213', 'IN', 'Chitra', 'Chitra'],
		]);
		expect(bodies[0].data_extraction).toEqual([{ key: 'confirmed', description: 'Ask to confirm', required: true, output_format: 'yes or no' }]);
		const callIdByPhone = new Map(sandbox.osvi.calls.map((call) => [call.phone_number, call.call_id]));
		expect(items.map((item) => item.json.call_id)).toEqual(items.map((item) => callIdByPhone.get(item.json.phone_number)));
		expect(stdout).not.toContain(sandbox.osviToken);
	});

	test('bad input with Continue On Fail: an error item naming item and field, the others placed', async () => {
		const { code, run } = await n8n.execute('e2eOsviCofOn00001');
		expect(code).toBe(0);
		const { items } = nodeOutput(run, 'OSVI');
		expect(items).toHaveLength(3);
		expect(items[1].json.error).toBe(`Invalid 'Phone Number': "12345" is not a valid phone number for IN [item 1]`);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect([items[0].json.phone_number, items[2].json.phone_number]).toEqual(['+919876543211', '+919876543213']);
		expect(sandbox.received('osvi', 'POST', '/v1/call').map((request) => request.body.phone_number).sort()).toEqual(['9876543211', '9876543213']);
	});

	test('bad input without Continue On Fail: the run fails naming that item, and no item is sent', async () => {
		const { code, run } = await n8n.execute('e2eOsviCofOff0001');
		expect(code).toBe(1);
		const { error } = nodeOutput(run, 'OSVI');
		expect(error.message).toBe(`Invalid 'Phone Number': "12345" is not a valid phone number for IN [item 1]`);
		expect(run.data.resultData.error.message).toBe(error.message);
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(0);
	});

	test('Get, Get Transcript and Get Recording (downloaded as binary) read a finished call back', async () => {
		const { code, run } = await n8n.execute('e2eOsviReadBack01');
		expect(code).toBe(0);
		const [call] = nodeOutput(run, 'Get').items;
		expect(call.json).toMatchObject({ call_id: ids.doneCall, status: 'picked', data_captured: { confirmed: 'yes' } });
		const turns = nodeOutput(run, 'Transcript').items;
		expect(turns.map((turn) => turn.json.role)).toEqual(['agent', 'user', 'agent']);
		const recordings = nodeOutput(run, 'Recording').items;
		expect(recordings).toHaveLength(3);
		expect(recordings[0].json.recording_url).toContain(`/_files/recordings/${ids.doneCall}.wav`);
		expect(recordings[0].binary.audio).toMatchObject({ mimeType: 'audio/wav', fileName: `${ids.doneCall}.wav` });
		expect(sandbox.received('osvi', 'GET', `/v1/call/${ids.doneCall}/recording`)).toHaveLength(3);
	});

	test('Get Many: Return All pages through every page; Limit with filters stops early', async () => {
		const total = sandbox.osvi.calls.length;
		const all = await n8n.execute('e2eOsviGetMany001');
		expect(all.code).toBe(0);
		expect(nodeOutput(all.run, 'All').items).toHaveLength(total);
		expect(sandbox.received('osvi', 'GET', '/v1/calls')).toHaveLength(Math.ceil(total / 100));
		sandbox.requests.length = 0;
		const filtered = await n8n.execute('e2eOsviGetMany002');
		const items = nodeOutput(filtered.run, 'Filtered').items;
		expect(items).toHaveLength(120);
		expect(items.every((item) => item.json.status === 'picked')).toBe(true);
		expect(sandbox.received('osvi', 'GET', '/v1/calls').map((request) => request.query)).toEqual([
			{ status: 'picked', agent_uuid: AGENT, page: '1', per_page: '100' },
			{ status: 'picked', agent_uuid: AGENT, page: '2', per_page: '100' },
		]);
	});

	test('Do Not Disturb: add, check, list, a call skipped for it, remove', async () => {
		const { code, run } = await n8n.execute('e2eOsviDnd0000001');
		expect(code).toBe(0);
		expect(nodeOutput(run, 'Add').items[0].json).toMatchObject({ phone: '+919876543219', reason: 'asked' });
		expect(nodeOutput(run, 'Check').items[0].json).toMatchObject({ on_dnd_list: true });
		expect(nodeOutput(run, 'List').items.map((item) => item.json.phone)).toContain('+919876543219');
		expect(nodeOutput(run, 'Call Unless DND').items[0].json).toMatchObject({ skipped: true, reason: 'dnd' });
		expect(nodeOutput(run, 'Remove').items[0].json).toMatchObject({ removed: true, phone: '+919876543219' });
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(0);
		expect(sandbox.received('osvi', 'DELETE', '/v1/dnd_numbers')[0].query).toEqual({ agent_uuid: AGENT, phone: '+919876543219' });
	});

	test('Chat: message, human takeover, tell, inject context, end, active session', async () => {
		const { code, run } = await n8n.execute('e2eOsviChat000001');
		expect(code).toBe(0);
		const sessionId = nodeOutput(run, 'Message').items[0].json.session_id;
		expect(nodeOutput(run, 'Message').items[0].json.help_requested).toBe(true);
		expect(nodeOutput(run, 'Takeover').items[0].json).toMatchObject({ command: 'takeover', session_id: sessionId });
		expect(nodeOutput(run, 'Tell').items[0].json.reply).toBe('Understood: Offer a refund');
		expect(nodeOutput(run, 'Context').items[0].json.context).toEqual(['Refund approved']);
		expect(nodeOutput(run, 'End').items[0].json.command).toBe('end');
		expect(nodeOutput(run, 'Active').items[0].json).toMatchObject({ active: true, id: sessionId, mode: 'ai' });
	});

	test('Initiate with Wait for Completion returns the finished call with its transcript', async () => {
		const { code, run } = await n8n.execute('e2eOsviWait000001');
		expect(code).toBe(0);
		const [item] = nodeOutput(run, 'Call and Wait').items;
		expect(item.json).toMatchObject({ status: 'picked', phone_number: '+919876543214', data_captured: { confirmed: 'yes' } });
		expect(item.json.transcript).toHaveLength(3);
	});

	test('example: spreadsheet rows → one Add Contacts request (bad row as error item) → campaign status', async () => {
		const { code, run } = await n8n.execute('exBulkCampaignUpload');
		expect(code).toBe(0);
		const { items } = nodeOutput(run, 'Add Campaign Contacts');
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ campaign_id: 101, contacts_sent: 3, contacts_accepted: 3, enqueued: true });
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe(`Invalid 'Phone (input field phone)': "98765" is not a valid phone number for IN [item 3]`);
		const [request] = sandbox.received('osvi', 'POST', '/v1/campaigns/101/contacts');
		expect(request.body.contacts[0]).toEqual({ person_name: 'Asha Rao', phone: '+919876543211', plan: 'gold', renewal_date: '2026-12-01' });
		const [status] = nodeOutput(run, 'Campaign Status').items;
		expect(status.json.calls.total).toBe(3);
		expect(status.json.uploads.at(-1).queues[0].total_queued).toBe(3);
	});

	test('as an AI Agent tool: the agent calls OSVI with the number and name of its prompt, the node waits for the call and returns its result', async () => {
		// No scenario: the stand-in reads the arguments out of the example's prompt, as in the editor.
		const { code, run, stdout } = await n8n.execute('exAiAgentOsviTool');
		expect({ code, error: run?.data?.resultData?.error?.message }).toEqual({ code: 0, error: undefined });
		const [request] = sandbox.received('osvi', 'POST', '/v1/call');
		expect(request.body).toMatchObject({ agent_uuid: AGENT, phone_number: '9876543211', country_code: 'IN', person_name: 'Asha' });
		const [answer] = nodeOutput(run, 'AI Agent').items;
		expect(answer.json.output).toMatch(/^Tool result: /);
		expect(answer.json.output).toContain('"status":"picked"');
		expect(answer.json.output).toContain('appointment_confirmed');
		// The model saw our tool with the arguments $fromAI declared.
		const [firstCompletion] = sandbox.openai.completions;
		const tool = firstCompletion.tools.find((candidate) => /osvi/i.test(candidate.function.name));
		expect(Object.keys(tool.function.parameters.properties).sort()).toEqual(['person_name', 'phone_number']);
		expect(stdout).not.toContain(sandbox.osviToken);
	});

	guardrailTests(() => ({ sandbox, n8n }), nodeOutput);
});
