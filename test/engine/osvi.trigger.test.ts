import { deliverWebhook, runWebhookMethod } from './harness';

const SECRET = 'b1f0e5a9c2d84e7f9a1b3c5d7e9f0a2b';

const current = {
	call_log_id: 'c0ffee00-1111-4222-8333-444455556666',
	phone_number: '+919876543211',
	agent_name: 'Appointment Reminder',
	call_status: 'picked',
	call_type: 'outbound',
	call_summary: 'Confirmed for tomorrow.',
	data_capture: { confirmed: 'yes' },
	structured_output: { sentiment: 'positive' },
	call_trigger_data: { agent_uuid: 'agent_SandboxReminder01', webhook_url: `https://n8n.example.com/webhook/x/osvi?token=${SECRET}` },
};

const legacy = {
	agent_name: 'Appointment Reminder',
	agent_uuid: 'agent_SandboxReminder01',
	phone_number: '+919876543210',
	call_log_id: 'abc-legacy-1',
	chat: 'agent: Hello\nuser: Not now',
	call_status: 'not_picked',
	executionMode: 'prod',
};

const withHeaderSecret = { verifySecret: true, secret: SECRET, secretLocation: 'header', headerName: 'X-OSVI-Secret' };
const withQuerySecret = { verifySecret: true, secret: SECRET, secretLocation: 'query' };

describe('OSVI Trigger: who may start the workflow', () => {
	test('the right secret in the header starts it', async () => {
		const { result, response } = await deliverWebhook('osviTrigger', withHeaderSecret, {
			body: current,
			headers: { 'x-osvi-secret': SECRET, 'content-type': 'application/json' },
		});
		expect(response.ended).toBe(false);
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	test('the right secret as ?token= starts it', async () => {
		const { result } = await deliverWebhook('osviTrigger', withQuerySecret, { body: current, query: { token: SECRET } });
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	test.each([
		['a wrong header secret', withHeaderSecret, { 'x-osvi-secret': 'guess' }, {}],
		['no header', withHeaderSecret, {}, {}],
		['the secret in the query when the header is expected', withHeaderSecret, {}, { token: SECRET }],
		['a wrong token', withQuerySecret, {}, { token: `${SECRET}x` }],
		['no token', withQuerySecret, {}, {}],
		['the secret in a header when the token is expected', withQuerySecret, { 'x-osvi-secret': SECRET }, {}],
	])('%s: 401 and no execution', async (_name, parameters, headers, query) => {
		const { result, response } = await deliverWebhook('osviTrigger', parameters, { body: current, headers, query });
		expect(response.statusCode).toBe(401);
		expect(response.body).toEqual({ error: 'Unauthorized' });
		expect(result).toEqual({ noWebhookResponse: true });
	});

	test('verification off: any request starts it', async () => {
		const { result } = await deliverWebhook('osviTrigger', { verifySecret: false }, { body: current });
		expect(result.workflowData?.[0]).toHaveLength(1);
	});

	test.each([
		['an empty body', {}],
		['no body', undefined],
		['a JSON array', [current]],
		['text', 'call_log_id=1'],
	])('%s: 400 and no execution (checked after the secret)', async (_name, body) => {
		const { result, response } = await deliverWebhook('osviTrigger', withHeaderSecret, { body, headers: { 'x-osvi-secret': SECRET } });
		expect(response.statusCode).toBe(400);
		expect(result.workflowData).toBeUndefined();
		const unauthenticated = await deliverWebhook('osviTrigger', withHeaderSecret, { body });
		expect(unauthenticated.response.statusCode).toBe(401);
	});
});

describe('OSVI Trigger: what it outputs', () => {
	test('the current payload: body passed through, normalised fields beside it, secret redacted', async () => {
		const { result } = await deliverWebhook('osviTrigger', withQuerySecret, { body: current, query: { token: SECRET } });
		const [[item]] = result.workflowData!;
		expect(item.json).toEqual({
			call_id: current.call_log_id,
			status: 'picked',
			phone_number: '+919876543211',
			agent_name: 'Appointment Reminder',
			agent_uuid: 'agent_SandboxReminder01',
			payload_format: 'current',
			body: {
				...current,
				call_trigger_data: { agent_uuid: 'agent_SandboxReminder01', webhook_url: 'https://n8n.example.com/webhook/x/osvi?token=***' },
			},
		});
		expect(JSON.stringify(result)).not.toContain(SECRET);
	});

	test('the older payload is recognised and normalised the same way', async () => {
		const { result } = await deliverWebhook('osviTrigger', { verifySecret: false }, { body: legacy });
		expect(result.workflowData![0][0].json).toMatchObject({
			call_id: 'abc-legacy-1',
			status: 'not_picked',
			phone_number: '+919876543210',
			agent_uuid: 'agent_SandboxReminder01',
			payload_format: 'legacy',
			body: legacy,
		});
	});

	test('a custom body passes through with whatever common fields it has', async () => {
		const custom = { id: 42, status: 'picked', outcome: 'booked' };
		const { result } = await deliverWebhook('osviTrigger', { verifySecret: false }, { body: custom });
		expect(result.workflowData![0][0].json).toEqual({
			call_id: null,
			status: 'picked',
			phone_number: null,
			agent_name: null,
			agent_uuid: null,
			payload_format: 'custom',
			body: custom,
		});
	});

	test('Include Headers adds the headers without the secret header', async () => {
		const { result } = await deliverWebhook('osviTrigger', { ...withHeaderSecret, options: { includeHeaders: true } }, {
			body: current,
			headers: { 'x-osvi-secret': SECRET, 'user-agent': 'OSVI', authorization: 'Bearer x' },
		});
		expect(result.workflowData![0][0].json.headers).toEqual({ 'user-agent': 'OSVI' });
	});
});

describe('OSVI Trigger: filters answer 200 and start nothing', () => {
	test.each([
		[{ statuses: ['not_picked', 'busy'] }, current, 'call status not selected'],
		[{ statuses: ['picked'] }, legacy, 'call status not selected'],
		[{ agents: 'Customer Survey' }, current, 'agent not selected'],
		[{ agents: 'agent_Other' }, legacy, 'agent not selected'],
	])('%j', async (filters, body, reason) => {
		const { result, response } = await deliverWebhook('osviTrigger', { verifySecret: false, filters }, { body });
		expect(response.statusCode).toBe(200);
		expect(response.body).toEqual({ received: true, ignored: reason });
		expect(result.workflowData).toBeUndefined();
	});

	test.each([
		[{ statuses: ['picked'] }, current],
		[{ statuses: ['not_picked'] }, legacy],
		[{ agents: 'appointment reminder' }, current],
		[{ agents: 'agent_X, agent_SandboxReminder01' }, legacy],
	])('%j lets a matching call through', async (filters, body) => {
		const { result } = await deliverWebhook('osviTrigger', { verifySecret: false, filters }, { body });
		expect(result.workflowData?.[0]).toHaveLength(1);
	});
});

describe('OSVI Trigger: activation', () => {
	test('no registration API: checkExists, create and delete do no harm', async () => {
		expect(await runWebhookMethod('osviTrigger', withHeaderSecret, 'checkExists')).toBe(false);
		expect(await runWebhookMethod('osviTrigger', withHeaderSecret, 'create')).toBe(true);
		expect(await runWebhookMethod('osviTrigger', withHeaderSecret, 'delete')).toBe(true);
	});

	test('verification on without a secret: activation fails with a clear error', async () => {
		await expect(runWebhookMethod('osviTrigger', { verifySecret: true, secret: '' }, 'create')).rejects.toThrow(
			'Secret verification is on, but no Shared Secret is set',
		);
		expect(await runWebhookMethod('osviTrigger', { verifySecret: false }, 'create')).toBe(true);
	});
});
