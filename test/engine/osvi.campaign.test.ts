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

const addContacts = (parameters: NodeRunOptions['parameters'] = {}) => ({
	resource: 'campaign',
	operation: 'addContacts',
	campaignId: 101,
	agent,
	nameField: 'name',
	phoneField: 'phone',
	country: 'IN',
	promptVariables: 'all',
	enqueue: false,
	...parameters,
});

/** 10-digit Indian mobile numbers, all distinct and valid. */
const indianNumber = (index: number) => `9${String(100000000 + index).padStart(9, '0')}`;

describe('Campaign → Add Contacts', () => {
	test('25,000 items become exactly 3 requests and every contact is delivered once', async () => {
		const items = Array.from({ length: 25_000 }, (_, index) => ({ name: `Contact ${index}`, phone: indianNumber(index), plan: 'gold' }));
		const { items: output, error } = await osvi(addContacts(), { items });
		expect(error).toBeUndefined();
		const requests = sandbox.received('osvi', 'POST', '/v1/campaigns/101/contacts');
		expect(requests.map((request) => request.body.contacts.length)).toEqual([10_000, 10_000, 5_000]);
		const sent = requests.flatMap((request) => request.body.contacts.map((contact: { phone: string }) => contact.phone));
		expect(new Set(sent).size).toBe(25_000);
		expect(sent[0]).toBe('+919100000000');
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.json.contacts_accepted)).toEqual([10_000, 10_000, 5_000]);
		expect((output[2].pairedItem as Array<{ item: number }>).map((pair) => pair.item)).toEqual(
			Array.from({ length: 5_000 }, (_, index) => 20_000 + index),
		);
		expect(output[0].json).toMatchObject({ campaign_id: 101, contacts_sent: 10_000, campaign_upload_id: expect.any(Number), dnd_skipped: [] });
	}, 120_000);

	test('contacts carry name, E.164 phone and prompt variables: all, selected or none', async () => {
		const items = [{ name: 'Asha', phone: '098765 43211', plan: 'gold', city: 'Pune', nested: { tier: 2 } }];
		await osvi(addContacts({ promptVariables: 'all' }), { items });
		await osvi(addContacts({ promptVariables: 'selected', variableFields: 'plan, nested.tier, missing' }), { items });
		await osvi(addContacts({ promptVariables: 'none', enqueue: true }), { items });
		const bodies = sandbox.received('osvi', 'POST', '/v1/campaigns/101/contacts').map((request) => request.body);
		expect(bodies[0]).toEqual({
			agent_uuid: AGENT,
			enqueue: false,
			contacts: [{ person_name: 'Asha', phone: '+919876543211', plan: 'gold', city: 'Pune', nested: { tier: 2 } }],
		});
		expect(bodies[1].contacts).toEqual([{ person_name: 'Asha', phone: '+919876543211', plan: 'gold', 'nested.tier': 2 }]);
		expect(bodies[2]).toEqual({ agent_uuid: AGENT, enqueue: true, contacts: [{ person_name: 'Asha', phone: '+919876543211' }] });
	});

	test('the server de-duplicates (keeping the longer name) and the node reports its counts', async () => {
		const { items } = await osvi(addContacts(), {
			items: [
				{ name: 'A', phone: '+91 98765 43211' },
				{ name: 'Asha Rao', phone: '9876543211' },
				{ name: 'B', phone: '9876543212' },
			],
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ contacts_received: 3, contacts_accepted: 2, duplicates_removed: 1 });
		const upload = (sandbox.osvi as unknown as { campaigns: Map<number, { uploads: Array<{ contacts: Array<{ person_name: string }> }> }> }).campaigns.get(101)!.uploads[0];
		expect(upload.contacts.map((contact) => contact.person_name)).toEqual(['Asha Rao', 'B']);
	});

	const mixed = [
		{ name: 'Asha', phone: '9876543211' },
		{ name: 'Bad', phone: '12345' },
		{ name: 'Chitra', phone: '9876543213' },
		{ name: 'Empty', phone: '' },
		{ name: 'Dev', phone: '+1 415 555 2671' },
	];

	test('invalid phones without Continue On Fail: the run fails naming the item, and nothing is sent', async () => {
		const { error } = await osvi(addContacts(), { items: mixed });
		expect(error?.message).toBe(`Invalid 'Phone (input field phone)': "12345" is not a valid phone number for IN [item 1]`);
		expect(sandbox.received('osvi')).toHaveLength(0);
	});

	test('invalid phones with Continue On Fail: error items for them, one request for the rest, nothing dropped', async () => {
		const { items, error } = await osvi(addContacts(), { items: mixed, continueOnFail: true });
		expect(error).toBeUndefined();
		const [request] = sandbox.received('osvi', 'POST', '/v1/campaigns/101/contacts');
		expect(request.body.contacts.map((contact: { person_name: string }) => contact.person_name)).toEqual(['Asha', 'Chitra', 'Dev']);
		expect(items).toHaveLength(3);
		expect(items[0].pairedItem).toEqual([{ item: 0 }, { item: 2 }, { item: 4 }]);
		expect(items.slice(1).map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 1 }, `Invalid 'Phone (input field phone)': "12345" is not a valid phone number for IN [item 1]`],
			[{ item: 3 }, `Invalid 'Phone (input field phone)': is empty [item 3]`],
		]);
	});

	test('a failed request reports every item it carried', async () => {
		const { items } = await osvi(addContacts({ campaignId: 999 }), { items: mixed.slice(0, 1).concat(mixed.slice(2, 3)), continueOnFail: true });
		expect(items.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, 'OSVI: Campaign not found'],
			[{ item: 1 }, 'OSVI: Campaign not found'],
		]);
	});

	test('Batch Size splits into smaller requests; items for different campaigns go separately', async () => {
		const items = Array.from({ length: 7 }, (_, index) => ({ name: `C${index}`, phone: indianNumber(index), campaign: index < 5 ? 101 : 102 }));
		const { items: output } = await osvi(addContacts({ campaignId: '={{ $json.campaign }}', options: { batchSize: 2 } }), { items });
		const sizes = sandbox.requests.map((request) => [request.path, request.body.contacts.length]);
		expect(sizes).toEqual([
			['/v1/campaigns/101/contacts', 2],
			['/v1/campaigns/101/contacts', 2],
			['/v1/campaigns/101/contacts', 1],
			['/v1/campaigns/102/contacts', 2],
		]);
		expect(output).toHaveLength(4);
	});

	test('settings without an expression are read once for all items; a bad one still fails every item naming it', async () => {
		const items = [0, 1, 2].map((index) => ({ name: `C${index}`, phone: indianNumber(index) }));
		const { items: output } = await osvi(addContacts({ options: { batchSize: 0 } }), { items, continueOnFail: true });
		expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual(
			[0, 1, 2].map((index) => [{ item: index }, `Invalid 'Options › Batch Size': must be a whole number from 1 to 10,000, not 0 [item ${index}]`]),
		);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a Batch Size over the documented limit is refused before sending', async () => {
		const { error } = await osvi(addContacts({ options: { batchSize: 10_001 } }), { items: [mixed[0]] });
		expect(error?.message).toBe(`Invalid 'Options › Batch Size': must be a whole number from 1 to 10,000, not 10001 [item 0]`);
		expect(sandbox.requests).toHaveLength(0);
	});
});

test('Campaign → Get Status: calls by status, uploads and queues', async () => {
	await osvi(addContacts({ enqueue: true }), { items: [{ name: 'A', phone: '9876543211' }, { name: 'B', phone: '9876543212' }] });
	const { items } = await osvi({ resource: 'campaign', operation: 'getStatus', campaignId: 101 });
	expect(items[0].json).toMatchObject({
		campaign: { id: 101, name: 'November Reminders' },
		calls: { total: 2, by_status: { in_progress: 2 } },
		uploads: [{ agent_uuid: AGENT, queues: [{ total_queued: 2 }] }],
	});
});
