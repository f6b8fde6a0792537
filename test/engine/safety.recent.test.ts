// Across executions and inside one: "Skip Numbers Called Within" on every platform, and an unclear
// answer looked up in the platform's call list instead of being sent again.
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runNode } from './harness';
import type { NodeRunOptions } from './harness';
import { callingPlatforms as platforms, placedCalls } from './callingPlatforms';
import type { CallingPlatform as Platform } from './callingPlatforms';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 60_000 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

function call(platform: Platform, phones: string[], rules: object = {}, extra: Partial<NodeRunOptions> = {}) {
	return runNode({
		type: platform.type,
		parameters: { ...platform.parameters, callingRules: rules, requestOptions: { concurrency: 4 } },
		items: phones.map((phone) => ({ phone })),
		credentials: platform.credentials(sandbox),
		continueOnFail: true,
		...extra,
	});
}

const placed = (platform: Platform) => placedCalls(sandbox, platform);

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
