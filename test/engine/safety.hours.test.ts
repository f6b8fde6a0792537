// Calling Hours on every platform, through n8n's engine: an item outside the hours in the callee's
// local time is not sent and comes out as skipped with its local time and the next allowed time.
// The clock is the calling rules' own, set by each test (never the real one).
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { callingClock } from '../../nodes/shared/calling/clock';
import { runNode } from './harness';
import type { NodeRunOptions } from './harness';
import { callingPlatforms, placedCalls } from './callingPlatforms';
import type { CallingPlatform } from './callingPlatforms';

let sandbox: Sandbox;
const realNow = callingClock.now;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 60_000 });
});
afterAll(async () => {
	callingClock.now = realNow;
	await sandbox.close();
});
beforeEach(() => sandbox.reset());

function setClock(iso: string) {
	callingClock.now = () => Date.parse(iso);
}

function call(platform: CallingPlatform, items: object[], rules: object, extra: Partial<NodeRunOptions> = {}) {
	return runNode({
		type: platform.type,
		parameters: { ...platform.parameters, callingRules: rules, requestOptions: { concurrency: 4 } },
		items: items as NodeRunOptions['items'],
		credentials: platform.credentials(sandbox),
		continueOnFail: true,
		...extra,
	});
}

describe.each(callingPlatforms)('$type', (platform) => {
	test("at 02:00 in the number's own zone, TCPA hours: not sent, skipped with the local time and the next allowed time", async () => {
		setClock(platform.nightAt);
		const { items } = await call(platform, [{ phone: platform.phones[0] }], { callingHours: 'tcpa' });
		expect(placedCalls(sandbox, platform)).toHaveLength(0);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			skipped: true,
			reason: 'outside_calling_hours',
			time_zone: platform.zone,
			local_time: expect.stringMatching(/^2026-03-1\dT02:00:00[+-]\d\d:\d\d$/),
			next_allowed_at: expect.stringMatching(/^2026-03-1\dT08:00:00[+-]\d\d:\d\d$/),
			calling_hours: 'TCPA 08:00–21:00',
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('a time zone mapped from the CRM wins over the number: the item in the daytime zone is called, the other skipped', async () => {
		// 04:00 UTC: 09:30 in India, midnight in New York.
		setClock('2026-03-10T04:00:00Z');
		const rows = [
			{ phone: platform.phones[0], timezone: 'Asia/Kolkata' },
			{ phone: platform.phones[1], timezone: 'America/New_York' },
		];
		const { items } = await call(platform, rows, { callingHours: 'trai', calleeTimeZone: '={{ $json.timezone }}' });
		expect(placedCalls(sandbox, platform)).toHaveLength(1);
		expect(platform.callIdOf(items[0].json)).toEqual(expect.any(String));
		expect(items[1].json).toMatchObject({
			skipped: true,
			reason: 'outside_calling_hours',
			time_zone: 'America/New_York',
			local_time: '2026-03-10T00:00:00-04:00',
			next_allowed_at: '2026-03-10T09:00:00-04:00',
		});
	});

	test('with Calling Hours off (the default), the same call at night is placed', async () => {
		setClock(platform.nightAt);
		await call(platform, [{ phone: platform.phones[0] }], {});
		expect(placedCalls(sandbox, platform)).toHaveLength(1);
	});
});

describe('Calling Hours with the other rules (OSVI)', () => {
	const [osvi] = callingPlatforms;

	test('custom hours and weekdays: a Saturday item waits for Monday; nothing asked of OSVI for it (DND list, call list)', async () => {
		setClock('2026-03-14T06:30:00Z'); // Saturday 12:00 in India
		const rules = { callingHours: 'custom', customHours: '09:00-12:30, 14:00-20:00', callingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], skipCalledWithinHours: 24 };
		const { items } = await call(osvi, [{ phone: osvi.phones[0] }], rules, {
			parameters: { ...osvi.parameters, callingRules: rules, options: { skipDnd: true } },
		});
		expect(items[0].json).toMatchObject({
			reason: 'outside_calling_hours',
			local_time: '2026-03-14T12:00:00+05:30',
			next_allowed_at: '2026-03-16T09:00:00+05:30',
			calling_hours: '09:00–12:30, 14:00–20:00, Mon Tue Wed Thu Fri',
		});
		expect(sandbox.requests).toHaveLength(0);
	});

	test('inside the hours, the DND list and the call list are still checked', async () => {
		setClock('2026-03-16T04:00:00Z'); // Monday 09:30 in India
		const rules = { callingHours: 'trai', skipCalledWithinHours: 24 };
		const { items } = await call(osvi, [{ phone: osvi.phones[0] }], rules, {
			parameters: { ...osvi.parameters, callingRules: rules, options: { skipDnd: true } },
		});
		expect(osvi.callIdOf(items[0].json)).toEqual(expect.any(String));
		expect(sandbox.received('osvi', 'GET', '/v1/dnd_numbers')).toHaveLength(1);
		expect(sandbox.received('osvi', 'GET', '/v1/calls').length).toBeGreaterThan(0);
	});

	test.each([
		[{ callingHours: 'trai', calleeTimeZone: 'Mars/Olympus_Mons' }, 'Calling Rules › Callee Time Zone', '"Mars/Olympus_Mons" is not an IANA time zone'],
		[{ callingHours: 'custom', customHours: '21:00-09:00' }, 'Calling Rules › Custom Hours', 'ends before it starts'],
		[{ callingDays: ['mon', 'tue'] }, 'Calling Rules › Calling Days', 'needs Calling Hours'],
		[{ callingHours: 'night' }, 'Calling Rules › Calling Hours', 'is not one of Off, TRAI (India): 09:00–21:00'],
	])('bad rules are refused before anything is sent: %j', async (rules, field, problem) => {
		setClock('2026-03-16T04:00:00Z');
		const { error } = await call(osvi, [{ phone: osvi.phones[0] }], rules, { continueOnFail: false });
		expect(error?.message).toContain(`Invalid '${field}'`);
		expect(error?.message).toContain(problem);
		expect(error?.message).toContain('[item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});
});
