// Wait for Result's settings are the node run's (one execution waits once for all its calls),
// read from the first item: a bad one stops the node before any call is placed, naming the field.
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { runNode } from '../harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 600_000 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const osvi = (parameters: object) =>
	runNode({
		type: 'osvi',
		parameters: { resource: 'call', operation: 'initiate', agent: { __rl: true, mode: 'id', value: 'agent_SandboxReminder01' }, phoneNumber: '={{ $json.phone }}', country: 'IN', ...parameters },
		items: [{ phone: '9876543211' }, { phone: '9876543212' }],
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
		continueOnFail: true,
	});

test.each([
	['Polling time limit of 0', { waitForResult: 'polling', waitTimeLimit: 0 }, `Invalid 'Time Limit (Minutes)': must be a number from 0.01 to 1,440, not 0 [item 0]`],
	['Polling time limit over a day', { waitForResult: 'polling', waitTimeLimit: 1_441 }, `Invalid 'Time Limit (Minutes)': must be a number from 0.01 to 1,440, not 1441 [item 0]`],
	['Durable time limit as text', { waitForResult: 'durable', waitTimeLimit: 'forever' }, `Invalid 'Time Limit (Minutes)': must be a number from 0.01 to 43,200, not "forever" [item 0]`],
	['poll interval over an hour', { waitForResult: 'polling', pollInterval: 3_601 }, `Invalid 'Poll Interval (Seconds)': must be a number from 0.01 to 3,600, not 3601 [item 0]`],
	// The field takes no expression: n8n hands over the text, which is none of the modes.
	['a mode written as an expression', { waitForResult: '={{ "polling" }}' }, `Invalid 'Wait for Result': "{{ \\"polling\\" }}" is not one of Don't Wait, Durable (Webhook), Polling [item 0]`],
	['old Max Wait (Minutes), negative', { options: { waitForCompletion: true, maxWaitMinutes: -1 } }, `Invalid 'Options › Max Wait (Minutes)': must be a number from 0.01 to 1,440, not -1 [item 0]`],
	['old Poll Interval (Seconds), Infinity', { options: { waitForCompletion: true, pollIntervalSeconds: Number.POSITIVE_INFINITY } }, /^Invalid 'Options › Poll Interval \(Seconds\)': must be a number from 0\.01 to 3,600/],
])('%s: the node stops, naming the field, and places no call (also with Continue On Fail)', async (_name, parameters, message) => {
	const { error } = await osvi(parameters);
	expect(error?.message).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
	expect(sandbox.received('osvi', 'POST', '/v1/call')).toHaveLength(0);
});

test("Don't Wait outputs the placed calls at once", async () => {
	const { items, error } = await osvi({ waitForResult: 'none' });
	expect(error).toBeUndefined();
	expect(items.map((item) => Object.keys(item.json).sort())).toEqual([
		['agent_uuid', 'call_id', 'country_code', 'person_name', 'phone_number'],
		['agent_uuid', 'call_id', 'country_code', 'person_name', 'phone_number'],
	]);
	expect(sandbox.received('osvi', 'GET')).toHaveLength(0);
});
