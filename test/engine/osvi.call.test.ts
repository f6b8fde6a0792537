// OSVI Call operations through n8n-core's real execution. Longer than 250 lines on purpose: every
// Call operation's cases share one sandbox and one set of helpers, and read best side by side.
import { startSandbox } from '../../sandbox';
import { runEditorMethod, runNode } from './harness';
import type { NodeRunOptions } from './harness';

import type { Sandbox } from '../../sandbox';
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 30 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const AGENT = 'agent_SandboxReminder01';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

function osvi(parameters: NodeRunOptions['parameters'], extra: Partial<NodeRunOptions> = {}) {
	return runNode({
		type: 'osvi',
		parameters,
		credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
		...extra,
	});
}

const initiate = (parameters: NodeRunOptions['parameters'] = {}) => ({
	resource: 'call',
	operation: 'initiate',
	agent: byId(AGENT),
	phoneNumber: '={{ $json.phone }}',
	country: 'IN',
	...parameters,
});

const waitFor = async (condition: () => boolean, ms = 3000) => {
	const until = Date.now() + ms;
	while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('Call → Initiate', () => {
	test('sends every documented field, built from the item, and returns the call ID', async () => {
		const { items, error } = await osvi(
			initiate({
				additionalFields: {
					personName: '={{ $json.name }}',
					systemPrompt: 'You confirm appointments.',
					initialGreeting: 'Hello {{name}}',
					webhookUrl: 'https://hooks.example.com/osvi?token=s3cret',
				},
				additionalDataMode: 'pairs',
				additionalDataPairs: { values: [{ key: 'appointment_date', value: '={{ $json.date }}' }] },
				dataExtraction: {
					fields: [
						{ key: 'confirmed', description: 'Ask to confirm', required: true, outputFormat: 'yes or no' },
						{ key: 'new_time', description: 'Ask for a better time', required: false, outputFormat: '' },
					],
				},
				callConfiguration: { maxCallDurationSeconds: 300, enableCallback: false, retryEnabled: true, retryMaxAttempts: 2, retryIntervalMinutes: 30 },
			}),
			{ items: [{ phone: '+91 98765-43211', name: 'Asha', date: '2025-01-15' }] },
		);
		expect(error).toBeUndefined();
		const [request] = sandbox.received('osvi', 'POST', '/v1/call');
		expect(request.headers['api-token']).toBe('[present]');
		expect(request.authenticated).toBe(true);
		expect(request.body).toEqual({
			agent_uuid: AGENT,
			phone_number: '9876543211',
			country_code: 'IN',
			person_name: 'Asha',
			system_prompt: 'You confirm appointments.',
			initial_greeting: 'Hello {{name}}',
			webhook_url: 'https://hooks.example.com/osvi?token=s3cret',
			additional_data: { appointment_date: '2025-01-15' },
			call_config_overrides: {
				max_call_duration_seconds: 300,
				enable_callback: false,
				retry_config: { enabled: true, max_attempts: 2, interval_minutes: 30 },
			},
			data_extraction: [
				{ key: 'confirmed', description: 'Ask to confirm', required: true, output_format: 'yes or no' },
				{ key: 'new_time', description: 'Ask for a better time', required: false },
			],
		});
		const placed = sandbox.osvi.calls[0];
		expect(items).toEqual([
			{
				json: { call_id: placed.call_id, agent_uuid: AGENT, phone_number: '+919876543211', country_code: 'IN', person_name: 'Asha' },
				pairedItem: { item: 0 },
			},
		]);
	});

	test('only the three required fields are sent when nothing else is set', async () => {
		const { error } = await osvi(initiate({ country: 'US', additionalFields: { webhookUrl: '' } }), {
			items: [{ phone: '(415) 555-2671' }],
		});
		expect(error).toBeUndefined();
		expect(sandbox.received('osvi', 'POST', '/v1/call')[0].body).toEqual({
			agent_uuid: AGENT,
			phone_number: '4155552671',
			country_code: 'US',
		});
	});

	test('additional data as a JSON object, from text or from an expression', async () => {
		await osvi(initiate({ additionalDataMode: 'json', additionalDataJson: '{"plan":"Premium","seats":3}' }), {
			items: [{ phone: '9876543211' }],
		});
		await osvi(initiate({ additionalDataMode: 'json', additionalDataJson: '={{ $json.record }}' }), {
			items: [{ phone: '9876543211', record: { id: 7, owner: 'Ravi' } }],
		});
		const bodies = sandbox.received('osvi', 'POST', '/v1/call').map((request) => request.body.additional_data);
		expect(bodies).toEqual([{ plan: 'Premium', seats: 3 }, { id: 7, owner: 'Ravi' }]);
	});

	test('bad input stops the node before any request, naming the item and the field', async () => {
		const { error, items } = await osvi(initiate(), { items: [{ phone: '9876543211' }, { phone: '12345' }, { phone: '9876543212' }] });
		expect(error?.message).toBe(`Invalid 'Phone Number': "12345" is not a valid phone number for IN [item 1]`);
		expect(error?.context?.itemIndex).toBe(1);
		expect(items).toEqual([]);
		// Every item is checked before any is sent: a typo in one row does not leave half a batch dialled.
		expect(sandbox.received('osvi')).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item and every other item goes through', async () => {
		const { error, items } = await osvi(
			initiate({ additionalDataMode: 'json', additionalDataJson: '={{ $json.data }}' }),
			{
				continueOnFail: true,
				items: [
					{ phone: '9876543211', data: { a: 1 } },
					{ phone: '12345', data: { a: 1 } },
					{ phone: '9876543212', data: [1, 2] },
					{ phone: '+1 415 555 2671', data: { b: 2 } },
				],
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json.call_id).toEqual(expect.any(String));
		expect(items[1].json.error).toBe(`Invalid 'Phone Number': "12345" is not a valid phone number for IN [item 1]`);
		expect(items[2].json.error).toBe(
			`Invalid 'Additional Data (JSON)': must be a JSON object, not a list [item 2]`,
		);
		expect(items[3].json.phone_number).toBe('+14155552671');
		expect(sandbox.received('osvi', 'POST', '/v1/call').map((r) => r.body.phone_number).sort()).toEqual(['4155552671', '9876543211']);
	});

	test.each([
		[{ agent: byId('={{ "not-an-agent" }}') }, 'Agent', '"not-an-agent" is not an OSVI agent ID'],
		[{ country: 'XX' }, 'Country', '"XX" is not a known ISO 3166-1 alpha-2 country code'],
		[{ additionalDataMode: 'json', additionalDataJson: '{oops}' }, 'Additional Data (JSON)', 'is not valid JSON'],
		[{ additionalFields: { webhookUrl: 'hooks.example.com' } }, 'Webhook URL', 'is not an http:// or https:// URL with a host'],
		[{ additionalFields: { initialGreeting: 'x'.repeat(2001) } }, 'Initial Greeting', 'at most 2,000 are accepted'],
		[{ dataExtraction: { fields: [{ key: 'a', description: '' }] } }, 'Data to Extract › #1 › Description', 'is empty'],
	])('refuses %j before sending', async (change, field, problem) => {
		const { error } = await osvi(initiate(change), { items: [{ phone: '9876543211' }] });
		expect(error?.message).toMatch(new RegExp(`^Invalid '${field.replace(/[()]/g, '\\$&')}': .*\\[item 0\\]$`));
		expect(error?.message).toContain(problem);
		expect(sandbox.received('osvi')).toHaveLength(0);
	});

	test("n8n itself refuses a fixed agent ID of the wrong shape (the locator's validation)", async () => {
		const { error } = await osvi(initiate({ agent: byId('my-agent') }), { items: [{ phone: '9876543211' }] });
		// n8n 2.x names the field's rule; n8n 1.x only says the workflow has issues. Neither runs the node.
		expect(error?.message).toMatch(/An OSVI agent ID starts with "agent_"|The workflow has issues and cannot be executed/);
		expect(sandbox.received('osvi')).toHaveLength(0);
	});

	test('an agent of another account: 403 with a message that says so', async () => {
		const { error } = await osvi(initiate({ agent: byId('agent_OtherAccount99') }), { items: [{ phone: '9876543211' }] });
		expect(error?.message).toBe('OSVI: Agent does not belong to this account');
		expect(error?.description).toContain('belongs to another OSVI account');
		expect(error?.httpCode).toBe('403');
	});

	test('a wrong token: 401 says to check the token, and the token is nowhere in the error', async () => {
		const token = 'WRONGtoken123456';
		const { error } = await runNode({
			type: 'osvi',
			parameters: initiate(),
			items: [{ phone: '9876543211' }],
			credentials: { osviApi: { apiToken: token, baseUrl: sandbox.osviUrl } },
		});
		expect(error?.httpCode).toBe('401');
		expect(error?.description).toContain('Check the token');
		expect(JSON.stringify(error)).not.toContain(token);
		expect(JSON.stringify({ ...error, stack: error?.stack, message: error?.message })).not.toContain(token);
	});

	test('an unreachable server: a clear error without the token', async () => {
		const { error } = await runNode({
			type: 'osvi',
			parameters: initiate(),
			items: [{ phone: '9876543211' }],
			credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: 'http://127.0.0.1:9/osvi' } },
		});
		expect(error?.message).toBe('Could not reach 127.0.0.1:9');
		expect(error?.description).toContain('ECONNREFUSED');
		const serialised = JSON.stringify({ ...error, message: error?.message, stack: error?.stack, cause: error?.cause });
		expect(serialised).not.toContain(sandbox.osviToken);
	});

	test('API errors with Continue On Fail become error items with the status', async () => {
		const { items } = await osvi(initiate({ agent: '={{ $json.agent }}' }), {
			continueOnFail: true,
			items: [
				{ phone: '9876543211', agent: 'agent_OtherAccount99' },
				{ phone: '9876543212', agent: 'agent_Unknown' },
				{ phone: '9876543213', agent: AGENT },
			],
		});
		expect(items.map((item) => [item.json.error ?? 'ok', item.json.httpCode ?? null])).toEqual([
			['OSVI: Agent does not belong to this account', '403'],
			['OSVI: Agent not found', '404'],
			['ok', null],
		]);
		expect(JSON.stringify(items)).not.toContain(sandbox.osviToken);
	});
});

describe('reading calls back', () => {
	async function placeCall(phone: string, extra: NodeRunOptions['parameters'] = {}) {
		const { items } = await osvi(initiate(extra), { items: [{ phone }] });
		const callId = items[0].json.call_id as string;
		await waitFor(() => sandbox.osvi.findCall(callId)?.status !== 'in_progress');
		return callId;
	}

	test('Get returns the final call with summary, extracted data and analysis', async () => {
		const callId = await placeCall('9876543211', {
			additionalFields: { personName: 'Asha' },
			dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', outputFormat: 'yes or no' }] },
		});
		const { items, error } = await osvi({ resource: 'call', operation: 'get', callId });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			call_id: callId,
			status: 'picked',
			phone_number: '+919876543211',
			agent_uuid: AGENT,
			data_captured: { confirmed: 'yes' },
			summary: expect.stringContaining('Asha'),
			post_call_analysis: { outcome: 'success' },
		});
		expect(sandbox.received('osvi', 'GET', `/v1/call/${callId}`)).toHaveLength(1);
	});

	test('Get of an unknown call: 404 with OSVI\'s message', async () => {
		const { error } = await osvi({ resource: 'call', operation: 'get', callId: 'nope/../x' });
		expect(error?.message).toBe('OSVI: Call not found');
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toContain("OSVI has no call with this ID for this API token's account");
		expect(sandbox.received('osvi')[0].path).toBe('/v1/call/nope%2F..%2Fx');
	});

	test('Get Transcript: one item per call, or one item per turn', async () => {
		const callId = await placeCall('9876543211');
		const whole = await osvi({ resource: 'call', operation: 'getTranscript', callId, output: 'call' });
		expect(whole.items[0].json.call_id).toBe(callId);
		expect(whole.items[0].json.transcript).toHaveLength(3);
		const turns = await osvi({ resource: 'call', operation: 'getTranscript', callId, output: 'turns' });
		expect(turns.items.map((item) => [item.json.turn_index, item.json.role])).toEqual([[0, 'agent'], [1, 'user'], [2, 'agent']]);
		expect(turns.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Get Transcript of an unanswered call is an empty list, not an error', async () => {
		const callId = await placeCall('9876543210');
		const { items, error } = await osvi({ resource: 'call', operation: 'getTranscript', callId });
		expect(error).toBeUndefined();
		expect(items[0].json.transcript).toEqual([]);
	});

	test('Get Transcript per turn of an unanswered call: one item that says there is none, so the workflow goes on', async () => {
		const callId = await placeCall('9876543210');
		const { items, error } = await osvi({ resource: 'call', operation: 'getTranscript', callId, output: 'turns' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ call_id: callId, has_transcript: false, message: expect.stringContaining('not answered') }]);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('Get Recording of an unanswered call: the 404 says the call has no recording, not that the ID is unknown', async () => {
		const callId = await placeCall('9876543210');
		const { error } = await osvi({ resource: 'call', operation: 'getRecording', callId, download: false });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('OSVI: Recording not found');
		expect(error?.description).toContain('a call that was not answered');
		expect(error?.description).not.toContain('does not know this resource');
	});

	test('Get Recording: the presigned link, with its expiry', async () => {
		const callId = await placeCall('9876543211');
		const { items } = await osvi({ resource: 'call', operation: 'getRecording', callId, download: false });
		expect(items[0].json).toMatchObject({ call_id: callId, expires_in_seconds: 900 });
		expect(items[0].json.recording_url).toContain(`/_files/recordings/${callId}.wav`);
		expect(items[0].binary).toBeUndefined();
	});

	test('Get Recording can download the audio as binary data, without sending the token to the file host', async () => {
		const callId = await placeCall('9876543211');
		const { items, error } = await osvi({ resource: 'call', operation: 'getRecording', callId, download: true, binaryPropertyName: 'audio' });
		expect(error).toBeUndefined();
		const binary = items[0].binary?.audio;
		expect(binary).toMatchObject({ mimeType: 'audio/wav', fileName: `${callId}.wav`, fileExtension: 'wav' });
		const bytes = Buffer.from(binary!.data, 'base64');
		expect(bytes.subarray(0, 4).toString()).toBe('RIFF');
		expect(bytes.subarray(8, 12).toString()).toBe('WAVE');
	});
});

describe('Call → Get Many', () => {
	beforeEach(() => sandbox.osvi.seedCalls(230));

	test('Return All pages through meta until the last page', async () => {
		const { items } = await osvi({ resource: 'call', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(230);
		expect(new Set(items.map((item) => item.json.call_id)).size).toBe(230);
		const pages = sandbox.received('osvi', 'GET', '/v1/calls').map((r) => [r.query.page, r.query.per_page]);
		expect(pages).toEqual([['1', '100'], ['2', '100'], ['3', '100']]);
	});

	test('Limit stops early and keeps one page size', async () => {
		const few = await osvi({ resource: 'call', operation: 'getMany', returnAll: false, limit: 30 });
		expect(few.items).toHaveLength(30);
		const more = await osvi({ resource: 'call', operation: 'getMany', returnAll: false, limit: 150 });
		expect(more.items).toHaveLength(150);
		expect(new Set(more.items.map((item) => item.json.call_id)).size).toBe(150);
		const pages = sandbox.received('osvi', 'GET', '/v1/calls').map((r) => [r.query.page, r.query.per_page]);
		expect(pages).toEqual([['1', '30'], ['1', '100'], ['2', '100']]);
	});

	test('every documented filter reaches the API', async () => {
		await osvi({
			resource: 'call',
			operation: 'getMany',
			returnAll: true,
			filters: {
				status: ['picked', 'busy'],
				agentId: AGENT,
				campaignId: 12,
				campaignUploadId: 34,
				phoneNumber: '98765',
				callType: 'outbound',
				startDate: '2026-11-01T00:00:00',
				endDate: '2026-11-20T23:59:59',
			},
		});
		expect(sandbox.received('osvi', 'GET', '/v1/calls')[0].query).toEqual({
			status: 'picked,busy',
			agent_uuid: AGENT,
			campaign_id: '12',
			campaign_upload_id: '34',
			phone_number: '98765',
			call_type: 'outbound',
			start_date: '2026-11-01T00:00:00+05:30',
			end_date: '2026-11-20T23:59:59+05:30',
			page: '1',
			per_page: '100',
		});
	});

	test('status filter really filters', async () => {
		const { items } = await osvi({ resource: 'call', operation: 'getMany', returnAll: true, filters: { status: ['not_picked'] } });
		expect(items).toHaveLength(77);
		expect(items.every((item) => item.json.status === 'not_picked')).toBe(true);
	});

	test('a bad filter is refused before any request', async () => {
		const { error } = await osvi({ resource: 'call', operation: 'getMany', returnAll: true, filters: { startDate: 'last week' } });
		expect(error?.message).toMatch(/^Invalid 'Filters › Picked After': .* \[item 0\]$/);
		expect(sandbox.received('osvi')).toHaveLength(0);
	});
});

test('Agent → Get Many lists the active agents of the account', async () => {
	const { items } = await osvi({ resource: 'agent', operation: 'getMany' });
	expect(items.map((item) => item.json)).toEqual([
		{ agent_id: 'agent_SandboxReminder01', name: 'Appointment Reminder', status: 'active' },
		{ agent_id: 'agent_SandboxSurvey02', name: 'Customer Survey', status: 'active' },
	]);
});

describe('editor helpers', () => {
	test('the agent picker lists active agents of the account and searches by name or ID', async () => {
		const credentials = { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } };
		const all = (await runEditorMethod('osvi', 'listSearch', 'searchAgents', credentials)) as { results: unknown[] };
		expect(all.results).toEqual([
			{ name: 'Appointment Reminder', value: 'agent_SandboxReminder01' },
			{ name: 'Customer Survey', value: 'agent_SandboxSurvey02' },
		]);
		const found = (await runEditorMethod('osvi', 'listSearch', 'searchAgents', credentials, 'SURVEY')) as { results: unknown[] };
		expect(found.results).toEqual([{ name: 'Customer Survey', value: 'agent_SandboxSurvey02' }]);
	});

	test('the country list names every country the phone library knows', async () => {
		const countries = (await runEditorMethod('osvi', 'loadOptions', 'getCountries', {})) as Array<{ name: string; value: string }>;
		expect(countries.length).toBeGreaterThan(200);
		expect(countries).toContainEqual({ name: 'India (IN)', value: 'IN' });
		expect(countries).toContainEqual({ name: 'United States (US)', value: 'US' });
	});
});
