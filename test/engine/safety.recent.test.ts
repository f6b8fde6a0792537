// Across executions and inside one: "Skip Numbers Called Within" on every platform, and an unclear
// answer looked up in the platform's call list instead of being sent again.
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode } from './harness';
import type { NodeRunOptions } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 60_000 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

interface Platform {
	type: string;
	fake: string;
	callPath: string;
	credentials: () => NodeRunOptions['credentials'];
	parameters: NodeRunOptions['parameters'];
	phones: [string, string];
	callIdOf: (json: Record<string, unknown>) => unknown;
	/** The ID the platform's call list shows for a call (Klen AI's list rows carry the database ID). */
	listedIdOf?: (json: Record<string, unknown>) => unknown;
}

const platforms: Platform[] = [
	{
		type: 'osvi',
		fake: 'osvi',
		callPath: '/v1/call',
		credentials: () => ({ osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } }),
		parameters: { resource: 'call', operation: 'initiate', agent: rl('agent_SandboxReminder01'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phones: ['98765 43211', '98765 43212'],
		callIdOf: (json) => json.call_id,
	},
	{
		type: 'klenAi',
		fake: 'klen',
		callPath: '/api/v1/calls',
		credentials: () => ({ klenAiApi: { apiKey: sandbox.klenKey, baseUrl: sandbox.klenUrl } }),
		parameters: { resource: 'call', operation: 'initiate', agent: rl('11'), phoneNumber: '={{ $json.phone }}', country: 'US' },
		phones: ['(415) 555-2671', '(415) 555-2672'],
		callIdOf: (json) => json.call_id,
		listedIdOf: (json) => String(json.id),
	},
	{
		type: 'voiceOs',
		fake: 'voiceos',
		callPath: '/conversations/create_phone_call',
		credentials: () => ({ voiceOsApi: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } }),
		parameters: { resource: 'call', operation: 'createPhoneCall', agent: rl('agt_1'), fromNumber: rl('+14155550100', 'list'), toNumber: '={{ $json.phone }}', country: 'US' },
		phones: ['(415) 555-2671', '(415) 555-2672'],
		callIdOf: (json) => json.id,
	},
	{
		type: 'unleashX',
		fake: 'unleashx',
		callPath: '/api/v1/global/agents/call',
		credentials: () => ({ unleashXApi: { apiToken: sandbox.unleashxToken, baseUrl: sandbox.unleashxUrl } }),
		parameters: { resource: 'call', operation: 'makeCall', agent: rl('501'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phones: ['98765 43211', '98765 43212'],
		callIdOf: (json) => json.execution_id,
	},
];

function call(platform: Platform, phones: string[], rules: object = {}, extra: Partial<NodeRunOptions> = {}) {
	return runNode({
		type: platform.type,
		parameters: { ...platform.parameters, callingRules: rules, requestOptions: { concurrency: 4 } },
		items: phones.map((phone) => ({ phone })),
		credentials: platform.credentials(),
		continueOnFail: true,
		...extra,
	});
}

const placed = (platform: Platform) => sandbox.received(platform.fake, 'POST', platform.callPath).filter((request) => request.acted);

describe.each(platforms)('$type', (platform) => {
	test('a number called in an earlier execution is skipped with the earlier call; another number is called', async () => {
		const first = await call(platform, [platform.phones[0]]);
		const earlierId = (platform.listedIdOf ?? platform.callIdOf)(first.items[0].json);
		expect(earlierId).toEqual(expect.any(String));

		const { items } = await call(platform, platform.phones, { skipCalledWithinHours: 24 });
		expect(items[0].json).toMatchObject({ skipped: true, reason: 'called_recently', previous_call_id: earlierId });
		expect(platform.callIdOf(items[1].json)).toEqual(expect.any(String));
		expect(placed(platform)).toHaveLength(2);
	});

	test('the same number twice in one run: called once, the second item skipped with the first call', async () => {
		const { items } = await call(platform, [platform.phones[0], platform.phones[0], platform.phones[1]], { skipCalledWithinHours: 1 });
		expect(placed(platform)).toHaveLength(2);
		const calledFirst = platform.callIdOf(items[0].json);
		expect(items[1].json).toMatchObject({ skipped: true, reason: 'called_recently', previous_call_id: calledFirst });
	});

	test('with the rule off, both are called (as before)', async () => {
		await call(platform, [platform.phones[0], platform.phones[0]]);
		expect(placed(platform)).toHaveLength(2);
	});

	test('an unclear answer after the API placed the call: found in the call list, reported as placed, never sent again', async () => {
		const only = { method: 'POST', path: platform.callPath };
		sandbox.setFaults({ only, script: [{ ...only, fault: 'rate500' }] });
		const { items } = await call(platform, [platform.phones[0]]);
		const requests = sandbox.received(platform.fake, 'POST', platform.callPath);
		expect(requests).toHaveLength(1);
		expect(items[0].json).toMatchObject({ outcome: 'placed', found_in_call_list: true });
		expect(items[0].json.error).toBeUndefined();
		expect(platform.callIdOf(items[0].json)).toEqual(expect.any(String));
	}, 20_000);

	test('an unclear answer where nothing was placed: the outcome stays unknown, nothing sent again', async () => {
		const only = { method: 'POST', path: platform.callPath };
		sandbox.setFaults({ only, script: [{ ...only, fault: 'rate503' }] });
		const { items } = await call(platform, [platform.phones[0]]);
		expect(sandbox.received(platform.fake, 'POST', platform.callPath)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ outcome: 'unknown' });
		expect(items[0].json.error).toMatch(/may or may not have been carried out/);
	}, 20_000);
});

test('a bad window is refused before anything is sent, naming the item and the field', async () => {
	const [osvi] = platforms;
	const { error } = await call(osvi, [osvi.phones[0]], { skipCalledWithinHours: -1 }, { continueOnFail: false });
	expect(error?.message).toMatch(/Calling Rules › Skip Numbers Called Within \(Hours\)/);
	expect(error?.message).toMatch(/\[item 0\]|item 0/);
	expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
});
