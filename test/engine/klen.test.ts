import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runEditorMethod, runNode } from './harness';
import type { NodeRunOptions } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 50 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({ klenAiApi: { apiKey: sandbox.klenKey, baseUrl: sandbox.klenUrl } });
const agent = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function klen(parameters: NodeRunOptions['parameters'], extra: Partial<NodeRunOptions> = {}) {
	return runNode({ type: 'klenAi', parameters, credentials: credentials(), ...extra });
}

const initiate = (parameters: NodeRunOptions['parameters'] = {}) => ({
	resource: 'call',
	operation: 'initiate',
	agent: agent('11'),
	phoneNumber: '={{ $json.phone }}',
	country: 'US',
	...parameters,
});

describe('Klen AI: agents', () => {
	test('the agent picker lists only agents that can make calls, and searches', async () => {
		const all = (await runEditorMethod('klenAi', 'listSearch', 'searchCallAgents', credentials())) as { results: Array<{ name: string; value: string }> };
		expect(all.results.map((result) => result.value)).toEqual(['11', '13']);
		const found = (await runEditorMethod('klenAi', 'listSearch', 'searchCallAgents', credentials(), 'remind')) as { results: unknown[] };
		expect(found.results).toEqual([{ name: 'Reminder Caller (+15550002222)', value: '13' }]);
		expect(sandbox.received('klen', 'GET', '/api/v1/agents')[0].headers.authorization).toBe('[present]');
	});

	test('Agent → Get Many, optionally only callers', async () => {
		expect((await klen({ resource: 'agent', operation: 'getMany' })).items).toHaveLength(3);
		expect((await klen({ resource: 'agent', operation: 'getMany', onlyCallers: true })).items.map((item) => item.json.id)).toEqual([11, 13]);
	});
});

describe('Klen AI: Call → Initiate', () => {
	test('sends E.164, the agent as a number, contact ID and variables', async () => {
		const { items, error } = await klen(
			initiate({
				variablesMode: 'pairs',
				variablesPairs: { values: [{ key: 'customer_name', value: '={{ $json.name }}' }] },
				additionalFields: { contactId: 7 },
			}),
			{ items: [{ phone: '(415) 555-2671', name: 'Jane' }] },
		);
		expect(error).toBeUndefined();
		const [request] = sandbox.received('klen', 'POST', '/api/v1/calls');
		expect(request.body).toEqual({ phone_number: '+14155552671', agent_id: 11, contact_id: 7, variables: { customer_name: 'Jane' } });
		expect(request.headers.authorization).toBe('[present]');
		expect(items[0].json).toMatchObject({ status: 'queued', phone_number: '+14155552671', agent: { id: 11 }, call_id: expect.stringMatching(/^klen_call_/) });
	});

	test('an assistant ID is sent as a string', async () => {
		await klen(initiate({ agent: agent('asst_reminder_03', 'id'), variablesMode: 'json', variablesJson: '{"plan":"gold"}' }), { items: [{ phone: '+1 415 555 2671' }] });
		expect(sandbox.received('klen', 'POST', '/api/v1/calls')[0].body).toEqual({ phone_number: '+14155552671', agent_id: 'asst_reminder_03', variables: { plan: 'gold' } });
	});

	test('bad input is refused before any request, naming item and field', async () => {
		const { error } = await klen(initiate(), { items: [{ phone: '+14155552671' }, { phone: '555-2671' }] });
		expect(error?.message).toBe(`Invalid 'Phone Number': "555-2671" is not a valid phone number for US [item 1]`);
		expect(sandbox.received('klen')).toHaveLength(0);
		const json = await klen(initiate({ variablesMode: 'json', variablesJson: '[1]' }), { items: [{ phone: '+14155552671' }] });
		expect(json.error?.message).toBe(`Invalid 'Variables (JSON)': must be a JSON object, not a list [item 0]`);
	});

	test.each([
		['insufficient funds: balance and rate from the body', () => (sandbox.klen.balance = 0.05), {}, 'Klen AI: insufficient funds to make the call (balance 0.05, rate 0.12)', '402'],
		['Do Not Call list', () => undefined, { phone: '+14155552699' }, "Klen AI: the number is on the account's Do Not Call list", '403'],
		['agent without a number', () => undefined, { agent: '12' }, 'Klen AI: the agent has no phone number assigned', '404'],
		['unknown agent', () => undefined, { agent: '99' }, 'Klen AI: agent not found', '404'],
	])('%s', async (_name, arrange, item, message, httpCode) => {
		arrange();
		const { items } = await klen(initiate({ agent: agent('={{ $json.agent ?? "11" }}', 'id') }), {
			items: [{ phone: '+14155552671', ...item }],
			continueOnFail: true,
		});
		expect(items[0].json).toMatchObject({ error: message, httpCode });
		expect(items[0].json.description).toEqual(expect.any(String));
	});

	test('over the daily limit: 429 with a Retry-After beyond the retry budget is reported, and nothing is placed', async () => {
		sandbox.klen.dailyLimit = 0;
		const { items } = await klen(initiate(), { items: [{ phone: '+14155552671' }], continueOnFail: true });
		expect(items[0].json).toMatchObject({ error: 'Klen AI: Daily call limit reached', httpCode: '429' });
		expect(items[0].json.description).toContain('100 calls a day');
		expect(sandbox.klen.calls).toHaveLength(0);
	});

	test('a wrong key: 401 with a hint, and the key is nowhere in the error', async () => {
		const { error } = await runNode({
			type: 'klenAi',
			parameters: initiate(),
			items: [{ phone: '+14155552671' }],
			credentials: { klenAiApi: { apiKey: 'klen_wrong_key_123', baseUrl: sandbox.klenUrl } },
		});
		expect(error?.message).toBe('Klen AI: The API key is invalid or inactive');
		expect(error?.description).toContain('Check the API key');
		expect(JSON.stringify({ ...error, message: error?.message, stack: error?.stack })).not.toContain('klen_wrong_key_123');
	});
});

describe('Klen AI: reading calls', () => {
	test('Get by database ID or call ID', async () => {
		const { items } = await klen(initiate(), { items: [{ phone: '+14155552671' }] });
		const byCallId = await klen({ resource: 'call', operation: 'get', callId: items[0].json.call_id });
		const byId = await klen({ resource: 'call', operation: 'get', callId: String(items[0].json.id) });
		expect(byCallId.items[0].json.id).toBe(items[0].json.id);
		expect(byId.items[0].json.call_id).toBe(items[0].json.call_id);
		const missing = await klen({ resource: 'call', operation: 'get', callId: 'nope' });
		expect(missing.error?.message).toBe('Klen AI: Call not found');
		expect(missing.error?.description).toContain('Klen AI has no call with this ID for this API key');
	});

	test('Get Many: Return All pages through `pages`, Limit stops early, filters reach the API', async () => {
		sandbox.klen.seedCalls(250);
		const all = await klen({ resource: 'call', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(250);
		expect(sandbox.received('klen', 'GET', '/api/v1/calls').map((r) => [r.query.page, r.query.limit])).toEqual([['1', '100'], ['2', '100'], ['3', '100']]);
		sandbox.requests.length = 0;
		const some = await klen({ resource: 'call', operation: 'getMany', returnAll: false, limit: 30, filters: { status: 'failed', agentId: '11', type: 'outbound' } });
		expect(some.items).toHaveLength(30);
		expect(some.items.every((item) => item.json.status === 'failed' && item.json.agent_id === 11)).toBe(true);
		expect(sandbox.received('klen', 'GET', '/api/v1/calls')[0].query).toEqual({ status: 'failed', agent_id: '11', type: 'outbound', page: '1', limit: '30' });
	});
});
