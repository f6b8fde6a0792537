import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runEditorMethod, runNode, TriggerUnderTest } from './harness';
import type { NodeRunOptions } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 40 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({ unleashXApi: { apiToken: sandbox.unleashxToken, baseUrl: sandbox.unleashxUrl } });
const agent = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function unleashx(parameters: NodeRunOptions['parameters'], extra: Partial<NodeRunOptions> = {}) {
	return runNode({ type: 'unleashX', parameters, credentials: credentials(), ...extra });
}

const makeCall = (parameters: NodeRunOptions['parameters'] = {}) => ({
	resource: 'call',
	operation: 'makeCall',
	agent: agent('501'),
	phoneNumber: '={{ $json.phone }}',
	country: 'IN',
	...parameters,
});

const waitFor = async (condition: () => boolean, ms = 3000) => {
	const until = Date.now() + ms;
	while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('UnleashX: agents', () => {
	test('the picker lists only active outbound voice agents', async () => {
		const { results } = (await runEditorMethod('unleashX', 'listSearch', 'searchOutboundAgents', credentials())) as { results: unknown[] };
		expect(results).toEqual([
			{ name: 'Outbound Sales', value: '501' },
			{ name: 'Renewals', value: '505' },
		]);
		expect(sandbox.received('unleashx', 'GET', '/api/v1/global/agents/get')[0]).toMatchObject({ query: { agent_type: '3' }, headers: { token: '[present]' } });
	});

	test('Agent → Get Many unwraps data.data, by type, optionally only callers', async () => {
		expect((await unleashx({ resource: 'agent', operation: 'getMany', agentType: 0 })).items).toHaveLength(5);
		expect((await unleashx({ resource: 'agent', operation: 'getMany', agentType: 3, onlyCallers: true })).items.map((item) => item.json.agent_id)).toEqual([501, 505]);
	});
});

describe('UnleashX: Make Call', () => {
	test('sends the agent as an integer, the phone with + and country code, and metadata', async () => {
		const { items, error } = await unleashx(makeCall({ metadataMode: 'json', metadataJson: '={{ { order_id: $json.order } }}' }), {
			items: [{ phone: '098765 43211', order: 'A-1042' }],
		});
		expect(error).toBeUndefined();
		expect(sandbox.received('unleashx', 'POST', '/api/v1/global/agents/call')[0].body).toEqual({ agent_id: 501, phone_number: '+919876543211', metadata: { order_id: 'A-1042' } });
		expect(items[0].json).toMatchObject({ execution_id: expect.any(String), agent_id: 501, phone_number: '+919876543211', call_status: 'initiated', message: 'Call initiated successfully' });
	});

	test.each([
		['an inbound agent', '502'],
		['an inactive agent', '503'],
		['a chat agent', '504'],
	])("%s: UnleashX's 404 with a hint about what the agent needs", async (_name, id) => {
		const { error } = await unleashx(makeCall({ agent: agent(id, 'id') }), { items: [{ phone: '9876543211' }] });
		expect(error?.message).toBe('UnleashX: Agent not found or not active');
		expect(error?.description).toContain('active, be a voice agent and be set up for outbound calls');
	});

	test('bad input is refused before sending', async () => {
		const bad = await unleashx(makeCall({ agent: agent('={{ "abc" }}', 'id') }), { items: [{ phone: '9876543211' }] });
		expect(bad.error?.message).toBe(`Invalid 'Agent': "abc" is not a whole number above 0 (digits only, no sign or leading 0) [item 0]`);
		const phone = await unleashx(makeCall(), { items: [{ phone: '12' }] });
		expect(phone.error?.message).toBe(`Invalid 'Phone Number': "12" is not a valid phone number for IN [item 0]`);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a wrong token: 401 with the hint, without the token', async () => {
		const { error } = await runNode({ type: 'unleashX', parameters: makeCall(), items: [{ phone: '9876543211' }], credentials: { unleashXApi: { apiToken: 'not-the-token-xyz', baseUrl: sandbox.unleashxUrl } } });
		expect(error?.message).toBe('UnleashX: Invalid Auth Key or Session Expired');
		expect(JSON.stringify({ ...error, message: error?.message })).not.toContain('not-the-token-xyz');
	});
});

describe('UnleashX: reading calls', () => {
	async function placeCalls(count: number) {
		const phones = Array.from({ length: count }, (_, index) => `98765${String(10000 + index).slice(-5)}`);
		const { items } = await unleashx(makeCall(), { items: phones.map((phone) => ({ phone })) });
		await waitFor(() => sandbox.unleashx.executions.every((row: { STATUS: string }) => row.STATUS !== 'initiated'));
		sandbox.requests.length = 0;
		return items.map((item) => item.json.execution_id as string);
	}

	test('Get Many: pages until a short page, limit keeps one page size, filters reach the API', async () => {
		await placeCalls(230);
		const all = await unleashx({ resource: 'call', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(230);
		expect(sandbox.requests.map((r) => [r.query.page, r.query.limit])).toEqual([['1', '100'], ['2', '100'], ['3', '100']]);
		sandbox.requests.length = 0;
		const some = await unleashx({ resource: 'call', operation: 'getMany', returnAll: false, limit: 7, filters: { agentId: '501', status: 'failed', transcriptAvailable: true, duration: '0-60' } });
		expect(sandbox.requests[0].query).toEqual({ agent_id: '501', status: 'failed', transcript: 'available', duration: '0-60', page: '1', limit: '7' });
		expect(some.items.every((item) => item.json.STATUS === 'failed')).toBe(true);
	});

	test('Get finds one execution by searching the list, stopping at the page that has it', async () => {
		const ids = await placeCalls(150);
		const oldest = ids[0];
		const { items } = await unleashx({ resource: 'call', operation: 'get', executionId: oldest, maxPages: 5 });
		expect(items[0].json).toMatchObject({ ID: oldest, CALLING_NUMBER: '+919876510000' });
		expect(sandbox.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		sandbox.requests.length = 0;
		const missing = await unleashx({ resource: 'call', operation: 'get', executionId: 'no-such-id', maxPages: 1 });
		expect(missing.error?.message).toBe('Execution no-such-id was not found in the executions list');
		expect(sandbox.requests).toHaveLength(1);
	});
});

describe('UnleashX Trigger', () => {
	const secret = 'unleashx-trigger-secret';

	test('passes the end-of-session body through with a few common fields; the secret is checked', async () => {
		const trigger = new TriggerUnderTest('unleashXTrigger', { verifySecret: true, secret, secretLocation: 'header', headerName: 'X-UnleashX-Secret' });
		const body = { execution_id: 'e1', status: 'completed', phone_number: '+919876543211', disposition: 'interested' };
		const ok = await trigger.deliver({ body, headers: { 'x-unleashx-secret': secret } });
		expect(ok.result.workflowData![0][0].json).toEqual({ execution_id: 'e1', status: 'completed', phone_number: '+919876543211', body });
		const refused = await trigger.deliver({ body, headers: { 'x-unleashx-secret': 'no' } });
		expect(refused.response.statusCode).toBe(401);
	});

	test('a real end-of-session delivery from the sandbox, with the secret as ?token=', async () => {
		const http = await import('node:http');
		const trigger = new TriggerUnderTest('unleashXTrigger', { verifySecret: true, secret, secretLocation: 'query' });
		const started: Array<Record<string, unknown>> = [];
		const server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk) => chunks.push(chunk));
			request.on('end', async () => {
				const url = new URL(request.url!, 'http://x');
				const { result, response: answer } = await trigger.deliver({ body: JSON.parse(Buffer.concat(chunks).toString()), query: Object.fromEntries(url.searchParams) });
				if (result.workflowData) started.push(result.workflowData[0][0].json);
				response.writeHead(answer.statusCode).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const hookUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook/unleashx?token=${secret}`;
			sandbox.unleashx.configureAgent(501, { session_data_webhook: hookUrl });
			await unleashx(makeCall({ metadataMode: 'pairs', metadataPairs: { values: [{ key: 'crm', value: '7' }] } }), { items: [{ phone: '9876543211' }] });
			await waitFor(() => started.length > 0);
			expect(started[0]).toMatchObject({ status: 'completed', phone_number: '+919876543211', body: { disposition: 'interested', metadata: { crm: '7' } } });
		} finally {
			server.close();
		}
	});
});
