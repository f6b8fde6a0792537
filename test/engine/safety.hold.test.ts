// Call → Wait for Calling Hours on every platform, through n8n's engine: outside the hours the
// execution is put to wait (n8n's durable wait) until they open, and when n8n resumes it the items
// go on unchanged; nothing is sent to the platform. The clock is the calling rules' own, set by
// each test (never the real one).
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { callingClock } from '../../nodes/shared/calling/clock';
import { runNode, WaitingExecutions } from './harness';
import type { NodeRunOptions } from './harness';
import { callingPlatforms } from './callingPlatforms';
import type { CallingPlatform } from './callingPlatforms';

let sandbox: Sandbox;
let waiting: WaitingExecutions;
const realNow = callingClock.now;
beforeAll(async () => {
	sandbox = await startSandbox();
	waiting = await WaitingExecutions.start();
});
afterAll(async () => {
	callingClock.now = realNow;
	await waiting.close();
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

function setClock(iso: string) {
	callingClock.now = () => Date.parse(iso);
}

function holdOptions(
	platform: CallingPlatform,
	items: object[],
	rules: object,
	{ parameters = {}, ...extra }: Partial<NodeRunOptions> = {},
): NodeRunOptions {
	return {
		type: platform.type,
		parameters: { resource: 'call', operation: 'waitForCallingHours', phoneNumber: '={{ $json.phone }}', country: platform.parameters.country, callingRules: rules, ...parameters },
		items: items as NodeRunOptions['items'],
		credentials: platform.credentials(sandbox),
		...extra,
	};
}

const requestsTo = (platform: CallingPlatform) => sandbox.received(platform.fake);

describe.each(callingPlatforms)('$type', (platform) => {
	test('at 02:00 local time under TCPA hours: the execution waits until 08:00 there, then the items go on unchanged, nothing sent', async () => {
		setClock(platform.nightAt);
		const rows = [{ phone: platform.phones[0], name: 'Asha' }, { phone: platform.phones[1], name: 'Ravi' }];
		const execution = await waiting.run(holdOptions(platform, rows, { callingHours: 'tcpa' }));
		expect(execution.status).toBe('waiting');
		const waitTill = execution.latest?.run?.waitTill;
		expect(waitTill?.toISOString()).toBe(new Date(Date.parse(platform.nightAt) + 6 * 3_600_000).toISOString());

		const { items } = await execution.timeOut();
		expect(execution.status).toBe('success');
		expect(items.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: rows[0], pairedItem: { item: 0 } },
			{ json: rows[1], pairedItem: { item: 1 } },
		]);
		expect(requestsTo(platform)).toHaveLength(0);
	});

	test('inside the hours: the items go on at once, no wait', async () => {
		setClock(new Date(Date.parse(platform.nightAt) + 9 * 3_600_000).toISOString());
		const execution = await waiting.run(holdOptions(platform, [{ phone: platform.phones[0] }], { callingHours: 'tcpa' }));
		expect(execution.status).toBe('success');
		expect(execution.latest?.items.map(({ json }) => json)).toEqual([{ phone: platform.phones[0] }]);
	});
});

const [osvi, klen] = [callingPlatforms[0], callingPlatforms[1]];

test('hours opening within a minute are waited for in the process, as n8n\'s Wait node does (its time-outs are checked once a minute)', async () => {
	// 08:59:58 in India: TRAI hours open in 2 s.
	setClock('2026-03-10T03:29:58Z');
	const started = Date.now();
	const execution = await waiting.run(holdOptions(osvi, [{ phone: osvi.phones[0] }], { callingHours: 'trai' }));
	expect(execution.status).toBe('success');
	expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
});

test('hours opening later than Maximum Hold: not held, the item goes on at once (the call operation will skip it)', async () => {
	setClock(osvi.nightAt);
	const execution = await waiting.run(holdOptions(osvi, [{ phone: osvi.phones[0] }], { callingHours: 'trai' }, { parameters: { maxHoldHours: 6 } }));
	expect(execution.status).toBe('success');
	expect(execution.latest?.items).toHaveLength(1);
});

test('numbers of several zones are held until every one is inside its hours; a number sharing none goes on unheld', async () => {
	// 04:00 UTC on a Tuesday: 00:00 in New York, 21:00 (the day before) in Los Angeles, 09:30 in India.
	setClock('2026-03-10T04:00:00Z');
	const rows = [{ phone: '+1 212 555 0100' }, { phone: '(415) 555-2671' }];
	const both = await waiting.run(holdOptions(klen, rows, { callingHours: 'tcpa' }));
	// 08:00 in Los Angeles is 11:00 in New York: both inside.
	expect(both.latest?.run?.waitTill?.toISOString()).toBe('2026-03-10T15:00:00.000Z');

	// India under TCPA hours is open now; New York opens at 12:00 UTC, when India is at 17:30 (inside),
	// so both share 12:00–15:30 UTC.
	const shared = await waiting.run(holdOptions(klen, [{ phone: '+91 98765 43211' }, rows[0]], { callingHours: 'tcpa' }));
	expect(shared.latest?.run?.waitTill?.toISOString()).toBe('2026-03-10T12:00:00.000Z');

	// 08:00–12:00 local only: India (09:30 now, inside) and New York share no hour; India's hours are
	// open now and it is held for nothing, New York opens later than India's: it goes on unheld.
	const apart = await waiting.run(holdOptions(klen, [{ phone: '+91 98765 43211' }, rows[0]], { callingHours: 'custom', customHours: '08:00-12:00' }));
	expect(apart.status).toBe('success');
	expect(apart.latest?.items).toHaveLength(2);
});

test('a mapped Callee Time Zone wins over the number, and Calling Days are kept', async () => {
	// Saturday 2026-03-14, 10:00 in New York: a weekday-only window opens Monday 09:00 there.
	setClock('2026-03-14T14:00:00Z');
	const execution = await waiting.run(
		holdOptions(osvi, [{ phone: osvi.phones[0], zone: 'America/New_York' }], {
			callingHours: 'custom',
			customHours: '09:00-17:00',
			callingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
			calleeTimeZone: '={{ $json.zone }}',
		}, { parameters: { maxHoldHours: 72 } }),
	);
	expect(execution.latest?.run?.waitTill?.toISOString()).toBe('2026-03-16T13:00:00.000Z');
});

test('bad input: an error naming the item and the field, before anything waits; with Continue On Fail the other items are held', async () => {
	setClock(osvi.nightAt);
	const rows = [{ phone: osvi.phones[0] }, { phone: 'call me maybe' }];
	const stopped = await runNode(holdOptions(osvi, rows, { callingHours: 'trai' }));
	expect(stopped.error?.message).toMatch(/Phone Number/);
	expect(stopped.error?.context?.itemIndex).toBe(1);
	expect(stopped.run?.waitTill).toBeUndefined();

	const execution = await waiting.run(holdOptions(osvi, rows, { callingHours: 'trai' }, { continueOnFail: true }));
	expect(execution.status).toBe('waiting');
	const { items } = await execution.timeOut();
	expect(items.map(({ json, pairedItem }) => [json.phone ?? json.error, pairedItem])).toEqual([
		[osvi.phones[0], { item: 0 }],
		[expect.stringMatching(/Phone Number/), { item: 1 }],
	]);
});

test('a country that is none: the error names Default Country, as the field is called here', async () => {
	const { error } = await runNode(holdOptions(osvi, [{ phone: '98765 43211' }], { callingHours: 'trai' }, { parameters: { country: 'XX' } }));
	expect(error?.message).toMatch(/^Invalid 'Default Country'/);
	expect(error?.context?.itemIndex).toBe(0);
});

test('Calling Hours off is refused: there is nothing to wait for', async () => {
	const { error } = await runNode(holdOptions(osvi, [{ phone: osvi.phones[0] }], { callingHours: 'off' }));
	expect(error?.message).toMatch(/Calling Rules › Calling Hours/);
	expect(error?.context?.itemIndex).toBe(0);
});

test('as an AI Agent tool it is refused: the agent needs its answer at once', async () => {
	setClock(osvi.nightAt);
	const { error, run } = await runNode({ ...holdOptions(osvi, [{ phone: osvi.phones[0] }], { callingHours: 'trai' }), asTool: true });
	expect(error?.message).toMatch(/cannot be used by an AI Agent/);
	expect(run?.waitTill).toBeUndefined();
});
