import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode } from './harness';
import type { NodeRunOptions } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 50 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const AGENT = 'agent_SandboxReminder01';
const agent = { __rl: true, mode: 'id', value: AGENT };

function osvi(parameters: NodeRunOptions['parameters'], extra: Partial<NodeRunOptions> = {}) {
	return runNode({
		type: 'osvi',
		parameters,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
		...extra,
	});
}

const dnd = (operation: string, parameters: NodeRunOptions['parameters'] = {}) => ({ resource: 'dnd', operation, agent, country: 'IN', ...parameters });

describe('Do Not Disturb', () => {
	test('Add normalises to E.164 and sends the reason; the entry comes back', async () => {
		const { items } = await osvi(dnd('add', { phone: '098765 43211', reason: 'Asked on call' }));
		expect(sandbox.received('osvi', 'POST', '/v1/dnd_numbers')[0].body).toEqual({ agent_uuid: AGENT, phone: '+919876543211', reason: 'Asked on call' });
		expect(items[0].json).toMatchObject({ agent_uuid: AGENT, phone: '+919876543211', reason: 'Asked on call', id: expect.any(Number) });
	});

	test("Remove of a number not on the list: the 404 says it is not on this agent's list", async () => {
		const { error } = await osvi(dnd('remove', { phone: '9876543212' }));
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toContain("not on this agent's Do Not Disturb list");
	});

	test('Remove sends both values in the query string and no body', async () => {
		await osvi(dnd('add', { phone: '+919876543211' }));
		const { items, error } = await osvi(dnd('remove', { phone: '9876543211' }));
		expect(error).toBeUndefined();
		const [request] = sandbox.received('osvi', 'DELETE', '/v1/dnd_numbers');
		expect(request.query).toEqual({ agent_uuid: AGENT, phone: '+919876543211' });
		expect(request.body).toBeUndefined();
		expect(items[0].json).toEqual({ removed: true, agent_uuid: AGENT, phone: '+919876543211', message: 'Phone removed from DND list' });
	});

	test('Check compares exactly in E.164', async () => {
		await osvi(dnd('add', { phone: '+919876543211' }));
		const on = await osvi(dnd('check', { phone: '098765-43211' }));
		const off = await osvi(dnd('check', { phone: '9876543212' }));
		expect(on.items[0].json).toMatchObject({ phone: '+919876543211', on_dnd_list: true, entry: { phone: '+919876543211' } });
		expect(off.items[0].json).toMatchObject({ phone: '+919876543212', on_dnd_list: false, entry: null });
	});

	test('Get Many: Return All pages, Limit stops early, Search filters', async () => {
		const phones = Array.from({ length: 130 }, (_, index) => ({ phone: `98765${String(10000 + index).slice(-5)}` }));
		await osvi(dnd('add', { phone: '={{ $json.phone }}' }), { items: phones });
		sandbox.requests.length = 0;
		const all = await osvi(dnd('getMany', { returnAll: true }));
		expect(all.items).toHaveLength(130);
		expect(sandbox.received('osvi', 'GET', '/v1/dnd_numbers').map((r) => r.query.page)).toEqual(['1', '2']);
		const some = await osvi(dnd('getMany', { returnAll: false, limit: 5 }));
		expect(some.items).toHaveLength(5);
		const found = await osvi(dnd('getMany', { returnAll: true, search: '10042' }));
		expect(found.items.map((item) => item.json.phone)).toEqual(['+919876510042']);
	});

	test('a bad number is refused before any request', async () => {
		const { error } = await osvi(dnd('add', { phone: '123' }));
		expect(error?.message).toBe(`Invalid 'Phone Number': "123" is not a valid phone number for IN [item 0]`);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('Initiate with "Skip Numbers on the DND List": one lookup per run and agent, DND numbers skipped, others called', async () => {
		await osvi(dnd('add', { phone: '+919876543212' }));
		sandbox.requests.length = 0;
		const { items } = await osvi(
			{
				resource: 'call',
				operation: 'initiate',
				agent,
				phoneNumber: '={{ $json.phone }}',
				country: 'IN',
				options: { skipDnd: true },
			},
			{ items: [{ phone: '9876543211' }, { phone: '+91 98765 43212' }, { phone: '9876543213' }] },
		);
		expect(items.map((item) => item.json.skipped ?? false)).toEqual([false, true, false]);
		expect(items[1].json).toEqual({ skipped: true, reason: 'dnd', call_id: null, agent_uuid: AGENT, phone_number: '+919876543212', person_name: null });
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(sandbox.received('osvi', 'GET', '/v1/dnd_numbers')).toHaveLength(1);
		expect(sandbox.received('osvi', 'POST', '/v1/call').map((r) => r.body.phone_number).sort()).toEqual(['9876543211', '9876543213']);
	});

	test('a number added to DND is refused by the API at once, also for single calls', async () => {
		await osvi(dnd('add', { phone: '+919876543211' }));
		const { error } = await osvi({ resource: 'call', operation: 'initiate', agent, phoneNumber: '9876543211', country: 'IN' });
		expect(error?.message).toContain('Do Not Disturb');
	});
});

describe('Chat', () => {
	const chat = (operation: string, parameters: NodeRunOptions['parameters'] = {}) => ({ resource: 'chat', operation, ...parameters });

	test('Send Message works with only agent, customer ID and text: the session resolves itself', async () => {
		const first = await osvi(chat('sendMessage', { agent, customerId: '+919876543211', content: 'Hi, where is my order?' }));
		const second = await osvi(chat('sendMessage', { agent, customerId: '+919876543211', content: 'Thanks' }));
		expect(first.items[0].json).toMatchObject({ session_id: expect.any(String), reply: expect.stringContaining('where is my order'), mode: 'ai', help_requested: false });
		expect(second.items[0].json.session_id).toBe(first.items[0].json.session_id);
		expect(sandbox.received('osvi', 'POST', '/v1/chat/inbound')[0].body).toEqual({ agent_uuid: AGENT, customer_id: '+919876543211', content: 'Hi, where is my order?' });
	});

	test('Create Session with input fields and context lines; Get Active Session finds it', async () => {
		const { items } = await osvi(
			chat('createSession', {
				agent,
				customerId: 'crm-7',
				inputFields: { values: [{ key: 'name', value: 'Asha' }, { key: 'plan', value: 'gold' }] },
				context: 'Order #12 shipped\n\nPrefers Hindi',
			}),
		);
		expect(sandbox.received('osvi', 'POST', '/v1/chat/session')[0].body).toEqual({
			agent_uuid: AGENT,
			customer_id: 'crm-7',
			input_fields: { name: 'Asha', plan: 'gold' },
			context: ['Order #12 shipped', 'Prefers Hindi'],
		});
		const sessionId = items[0].json.id;
		const one = await osvi(chat('getActiveSession', { customerId: 'crm-7', agentId: AGENT }));
		expect(one.items[0].json).toMatchObject({ active: true, id: sessionId, mode: 'ai' });
		const none = await osvi(chat('getActiveSession', { customerId: 'nobody', agentId: AGENT }));
		expect(none.items[0].json).toEqual({ active: false, customer_id: 'nobody', agent_uuid: AGENT });
		const all = await osvi(chat('getActiveSession', { customerId: 'crm-7' }));
		expect(all.items.map((item) => [item.json.agent_uuid, item.json.id])).toEqual([[AGENT, sessionId]]);
		// No session with any agent is an answer too: one item says so.
		const noneAtAll = await osvi(chat('getActiveSession', { customerId: 'nobody' }));
		expect(noneAtAll.items.map((item) => item.json)).toEqual([{ active: false, customer_id: 'nobody' }]);
	});

	test('human takeover → operator message → tell → end, as documented', async () => {
		const start = await osvi(chat('sendMessage', { agent, customerId: 'c1', content: 'I want a human please' }));
		const sessionId = start.items[0].json.session_id as string;
		expect(start.items[0].json.help_requested).toBe(true);

		const early = await osvi(chat('supportCommand', { sessionId, command: 'message', message: 'Hello from Ravi' }));
		expect(early.error?.message).toContain('needs support mode');

		const takeover = await osvi(chat('supportCommand', { sessionId, command: 'takeover' }));
		expect(takeover.items[0].json).toMatchObject({ command: 'takeover', active_human: { name: 'Sandbox Operator' } });
		const quiet = await osvi(chat('sendMessage', { agent, customerId: 'c1', content: 'Are you there?' }));
		expect(quiet.items[0].json).toMatchObject({ mode: 'support', reply: null });

		const operator = await osvi(chat('supportCommand', { sessionId, command: 'message', message: 'Hello from Ravi' }));
		expect(operator.error).toBeUndefined();
		const tell = await osvi(chat('supportCommand', { sessionId, command: 'tell', message: 'Offer a refund' }));
		expect(tell.items[0].json).toMatchObject({ command: 'tell', reply: 'Understood: Offer a refund' });
		const end = await osvi(chat('supportCommand', { sessionId, command: 'end' }));
		expect(end.items[0].json.command).toBe('end');
		const back = await osvi(chat('sendMessage', { agent, customerId: 'c1', content: 'Thanks' }));
		expect(back.items[0].json).toMatchObject({ mode: 'ai', reply: expect.any(String) });

		const bodies = sandbox.received('osvi', 'POST').filter((r) => r.path.endsWith('/support')).map((r) => r.body);
		expect(bodies).toEqual([
			{ message: 'Hello from Ravi' },
			{ command: 'takeover' },
			{ message: 'Hello from Ravi' },
			{ command: 'tell', message: 'Offer a refund' },
			{ command: 'end' },
		]);
	});

	test('tell and whisper need a message: refused before any request', async () => {
		for (const command of ['tell', 'whisper', 'message']) {
			const { error } = await osvi(chat('supportCommand', { sessionId: 's1', command, message: '  ' }));
			expect(error?.message).toBe(`Invalid 'Message': is empty [item 0]`);
		}
		expect(sandbox.requests).toHaveLength(0);
	});

	test('Inject Context adds a line the agent then uses', async () => {
		const start = await osvi(chat('sendMessage', { agent, customerId: 'c2', content: 'Hi' }));
		const sessionId = start.items[0].json.session_id;
		const { items } = await osvi(chat('injectContext', { sessionId, context: 'The order shipped this morning' }));
		expect(items[0].json).toEqual({ session_id: sessionId, context: ['The order shipped this morning'] });
		const reply = await osvi(chat('sendMessage', { agent, customerId: 'c2', content: 'Where is it?' }));
		expect(reply.items[0].json.reply).toContain('The order shipped this morning');
		const blank = await osvi(chat('injectContext', { sessionId, context: '   ' }));
		expect(blank.error?.message).toBe(`Invalid 'Context': is empty [item 0]`);
		const missing = await osvi(chat('injectContext', { sessionId, context: '' }));
		// n8n 2.x names the parameter; n8n 1.x only says the workflow has issues. Neither runs the node.
		expect(missing.error?.message).toMatch(/Parameter "Context" is required|The workflow has issues and cannot be executed/);
	});
});
