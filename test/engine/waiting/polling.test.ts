// Wait for Result "Polling" on every platform's call-placing operation, through n8n-core's real
// execution: the node places every call, reads them until they are over, and outputs each as the
// platform's Call → Get does; at the time limit it outputs them as last read, with timed_out.
import type { INodeType } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { runNode } from '../harness';
import type { NodeRunOptions } from '../harness';
import { nodeTypes, PACKAGE } from '../harness/registry';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 300 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	for (const fake of Object.values(sandbox.fakes)) fake.callDurationMs = 300;
});

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

interface Platform {
	type: string;
	fake: string;
	operation: string;
	parameters: NodeRunOptions['parameters'];
	phones: string[];
	credentials: () => NodeRunOptions['credentials'];
	/** Call → Get of the call an output item stands for. */
	get: (json: Record<string, unknown>) => NodeRunOptions['parameters'];
	finished: Record<string, unknown>;
	running: Record<string, unknown>;
}

const platforms: Platform[] = [
	{
		type: 'osvi',
		fake: 'osvi',
		operation: 'initiate',
		parameters: { agent: rl('agent_SandboxReminder01'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phones: ['9876543211', '9876543210'],
		credentials: () => ({ osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } }),
		get: (json) => ({ resource: 'call', operation: 'get', callId: String(json.call_id) }),
		finished: { status: 'picked' },
		running: { status: 'in_progress' },
	},
	{
		type: 'klenAi',
		fake: 'klen',
		operation: 'initiate',
		parameters: { agent: rl('11'), phoneNumber: '={{ $json.phone }}', country: 'US' },
		phones: ['+14155552671', '+14155552670'],
		credentials: () => ({ klenAiApi: { apiKey: sandbox.klenKey, baseUrl: sandbox.klenUrl } }),
		get: (json) => ({ resource: 'call', operation: 'get', callId: String(json.call_id) }),
		finished: { status: 'completed' },
		running: { status: 'queued' },
	},
	{
		type: 'voiceOs',
		fake: 'voiceos',
		operation: 'createPhoneCall',
		parameters: { agent: rl('agt_1'), fromNumber: rl('+14155550100', 'list'), toNumber: '={{ $json.phone }}', country: 'US' },
		phones: ['+14155552671', '+14155552670'],
		credentials: () => ({ voiceOsApi: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } }),
		get: (json) => ({ resource: 'call', operation: 'get', conversationId: String(json.id) }),
		finished: { status: 'ended' },
		running: { status: 'queued' },
	},
	{
		type: 'unleashX',
		fake: 'unleashx',
		operation: 'makeCall',
		parameters: { agent: rl('501'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phones: ['9876543211', '9876543210'],
		credentials: () => ({ unleashXApi: { apiToken: sandbox.unleashxToken, baseUrl: sandbox.unleashxUrl } }),
		get: (json) => ({ resource: 'call', operation: 'get', executionId: String(json.ID) }),
		finished: { STATUS: 'completed' },
		running: { STATUS: 'initiated' },
	},
];

function poll(platform: Platform, wait: object, extra: Partial<NodeRunOptions> = {}) {
	return runNode({
		type: platform.type,
		parameters: { resource: 'call', operation: platform.operation, ...platform.parameters, waitForResult: 'polling', pollInterval: 0.05, ...wait },
		items: platform.phones.map((phone) => ({ phone })),
		credentials: platform.credentials(),
		...extra,
	});
}

describe.each(platforms)('Polling on $type', (platform) => {
	test('each call comes out as Call → Get shows it once over, with timed_out: false', async () => {
		const { items, error } = await poll(platform, { waitTimeLimit: 1 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toMatchObject({ ...platform.finished, timed_out: false });
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const item of items) {
			const { timed_out: _timedOut, ...call } = item.json;
			const got = await runNode({ type: platform.type, parameters: platform.get(call), credentials: platform.credentials() });
			expect(got.items[0].json).toEqual(call);
		}
	});

	test('at the time limit each call comes out as last read, with timed_out: true, and nothing is placed again', async () => {
		sandbox.fakes[platform.fake].callDurationMs = 60_000;
		const { items, error } = await poll(platform, { waitTimeLimit: 0.01 });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.timed_out)).toEqual([true, true]);
		expect(items[0].json).toMatchObject(platform.running);
		expect(sandbox.received(platform.fake, 'POST').filter((request) => request.acted)).toHaveLength(2);
	});
});

test('Klen AI and UnleashX offer no Durable mode, and say why', () => {
	for (const type of ['klenAi', 'unleashX']) {
		const properties = (nodeTypes[`${PACKAGE}.${type}`] as INodeType).description.properties;
		const mode = properties.find((property) => property.name === 'waitForResult');
		expect((mode?.options as Array<{ value: string }>).map(({ value }) => value)).toEqual(['none', 'polling']);
		const notice = properties.find((property) => property.name === 'noWebhookNotice');
		expect(notice?.displayName).toMatch(/takes no per-call webhook/);
	}
	for (const type of ['osvi', 'voiceOs']) {
		const mode = (nodeTypes[`${PACKAGE}.${type}`] as INodeType).description.properties.find((property) => property.name === 'waitForResult');
		expect((mode?.options as Array<{ value: string }>).map(({ value }) => value)).toEqual(['none', 'durable', 'polling']);
	}
});

describe('a read that fails while calls run keeps every call ID', () => {
	const [osvi] = platforms;
	beforeEach(() => {
		sandbox.osvi.callDurationMs = 60_000;
		sandbox.setFaults({ only: { method: 'GET' }, rate500: 1 });
	});
	const wait = { waitTimeLimit: 0.1, requestOptions: { maxAttempts: 1 } };

	test('with Continue On Fail: the calls still open become error items with their IDs', async () => {
		const { items } = await poll(osvi, wait, { continueOnFail: true });
		const ids = sandbox.osvi.calls.map((call) => call.call_id);
		expect(items.map((item) => item.json.call_id)).toEqual(ids);
		expect(items[0].json.error).toMatch(/OSVI/);
		expect(items[0].json.description).toContain(`The call was placed (call ID ${ids[0]}): do not place it again.`);
	});

	test('without it: the node stops naming the calls placed', async () => {
		const { error } = await poll(osvi, wait);
		const ids = sandbox.osvi.calls.map((call) => call.call_id);
		expect(error?.description).toContain(`Calls placed in this run: ${ids.join(', ')}.`);
		expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(2);
	});
});
