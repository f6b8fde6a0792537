import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runEditorMethod, runNode, TriggerUnderTest } from './harness';
import type { NodeRunOptions } from './harness';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 60 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({ voiceOsApi: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } });
const locator = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function voiceos(parameters: NodeRunOptions['parameters'], extra: Partial<NodeRunOptions> = {}) {
	return runNode({ type: 'voiceOs', parameters, credentials: credentials(), ...extra });
}

const call = (parameters: NodeRunOptions['parameters'] = {}) => ({
	resource: 'call',
	operation: 'createPhoneCall',
	fromNumber: locator('+14155550100'),
	toNumber: '={{ $json.phone }}',
	country: 'US',
	...parameters,
});

const waitFor = async (condition: () => boolean, ms = 3000) => {
	const until = Date.now() + ms;
	while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('VoiceOS: pickers and agents', () => {
	test('agent and from-number pickers list and search', async () => {
		const agents = (await runEditorMethod('voiceOs', 'listSearch', 'searchAgents', credentials(), 'survey')) as { results: unknown[] };
		expect(agents.results).toEqual([{ name: 'Survey Agent', value: 'agt_2' }]);
		const numbers = (await runEditorMethod('voiceOs', 'listSearch', 'searchPhoneNumbers', credentials())) as { results: Array<{ value: string }> };
		expect(numbers.results.map((result) => result.value)).toEqual(['+14155550100', '+14155550101']);
	});

	test('Agent → Get Many pages on has_more', async () => {
		const { items } = await voiceos({ resource: 'agent', operation: 'getMany', returnAll: false, limit: 2 });
		expect(items.map((item) => item.json.id)).toEqual(['agt_1', 'agt_2']);
		expect(sandbox.received('voiceos', 'GET', '/agents').map((r) => [r.query.index, r.query.limit])).toEqual([['1', '2']]);
		const all = await voiceos({ resource: 'agent', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(3);
	});
});

describe('VoiceOS: Create Phone Call', () => {
	test('with a saved agent: from, to (E.164) and agent_id only', async () => {
		const { items, error } = await voiceos(call({ callUsing: 'savedAgent', agent: locator('agt_1') }), { items: [{ phone: '(415) 555-2671' }] });
		expect(error).toBeUndefined();
		expect(sandbox.received('voiceos', 'POST', '/conversations/create_phone_call')[0].body).toEqual({
			from_number: '+14155550100',
			to_number: '+14155552671',
			agent_id: 'agt_1',
		});
		expect(items[0].json).toMatchObject({ status: 'queued', type: 'outbound_phone_call', agent_id: 'agt_1' });
	});

	test('with an inline configuration: prompt, voice, model, transcriber, metadata, a webhook with a secret header, and raw JSON', async () => {
		const secret = 's3cr3t-voiceos-header-value';
		const { items, error } = await voiceos(
			call({
				callUsing: 'inline',
				prompt: 'You book appointments.',
				initialMessage: 'Hi, this is Ava.',
				maxDurationSeconds: 300,
				voice: { provider: 'elevenlabs', model: 'rachel', speed: 1.1 },
				languageModel: { provider: 'openai', model: 'gpt-4o-mini', temperature: 0.2 },
				transcriber: { provider: 'deepgram', language: 'en', keywords: 'Acme, booking' },
				metadataMode: 'pairs',
				metadataPairs: { values: [{ key: 'crm_id', value: '42' }] },
				sendEvents: true,
				webhookUrl: 'https://n8n.example.com/webhook/abc/voiceos',
				webhookEvents: ['conversation:ended'],
				webhookHeaderName: 'X-VoiceOS-Secret',
				webhookSecret: secret,
				agentConfigJson: '{"hooks": [{"events": ["speech:ended"], "instructions": [{"instruction": "hang_up"}]}]}',
			}),
			{ items: [{ phone: '+1 415 555 2671' }] },
		);
		expect(error).toBeUndefined();
		expect(sandbox.received('voiceos', 'POST', '/conversations/create_phone_call')[0].body).toEqual({
			from_number: '+14155550100',
			to_number: '+14155552671',
			agent_config: {
				prompt: 'You book appointments.',
				initial_message: 'Hi, this is Ava.',
				max_duration_seconds: 300,
				voice: { provider: 'elevenlabs', model: 'rachel', speed: 1.1 },
				language_model: { provider: 'openai', model: 'gpt-4o-mini', temperature: 0.2 },
				transcriber: { provider: 'deepgram', language: 'en', keywords: ['Acme', 'booking'] },
				metadata: { crm_id: '42' },
				webhooks: [{ events: ['conversation:ended'], url: 'https://n8n.example.com/webhook/abc/voiceos', method: 'POST', headers: { 'X-VoiceOS-Secret': secret } }],
				hooks: [{ events: ['speech:ended'], instructions: [{ instruction: 'hang_up' }] }],
			},
		});
		// The answer echoes the config; the secret stays out of the output.
		expect(JSON.stringify(items)).not.toContain(secret);
		expect(JSON.stringify(items)).toContain('***');

		// Reading the conversation back echoes it too: Get and Get Many hide the webhook's header values.
		const id = items[0].json.id as string;
		const got = await voiceos({ resource: 'call', operation: 'get', conversationId: id });
		const listed = await voiceos({ resource: 'call', operation: 'getMany', returnAll: true });
		expect(JSON.stringify([got.items, listed.items])).not.toContain(secret);
		expect(got.items[0].json).toMatchObject({ id, agent_config: { webhooks: [{ url: 'https://n8n.example.com/webhook/abc/voiceos', headers: { 'X-VoiceOS-Secret': '***' } }] } });
	});

	test.each([
		[{ callUsing: 'inline', agentConfigJson: '[1]' }, 'Additional Configuration (JSON)', 'must be a JSON object'],
		[{ callUsing: 'inline', sendEvents: true, webhookUrl: 'not-a-url', webhookSecret: 'x' }, 'Webhook URL', 'is not an http:// or https:// URL'],
		[{ callUsing: 'inline', maxDurationSeconds: 1.5 }, 'Max Duration (Seconds)', 'must be a whole number'],
		[{ callUsing: 'savedAgent', agent: locator('={{ "" }}', 'id') }, 'Agent', 'is empty'],
	])('refuses %j before sending', async (change, field, problem) => {
		const { error } = await voiceos(call(change), { items: [{ phone: '+14155552671' }] });
		expect(error?.message).toContain(`Invalid '${field}': `);
		expect(error?.message).toContain(problem);
		expect(error?.message).toMatch(/ \[item 0\]$/);
		expect(sandbox.requests).toHaveLength(0);
	});

	test("FastAPI errors carry the server's words: a From number not on the account", async () => {
		const { error } = await voiceos(call({ callUsing: 'savedAgent', agent: locator('agt_1'), fromNumber: locator('+14155550199', 'number') }), { items: [{ phone: '+14155552671' }] });
		expect(error?.message).toBe('VoiceOS: Phone number +14155550199 not found on this account');
		expect(error?.httpCode).toBe('404');
	});

	test('a wrong token: 401 with a hint, without the token', async () => {
		const { error } = await runNode({
			type: 'voiceOs',
			parameters: { resource: 'agent', operation: 'getMany', returnAll: true },
			credentials: { voiceOsApi: { apiToken: 'wrong-token-voiceos', baseUrl: sandbox.voiceosUrl } },
		});
		expect(error?.message).toBe('VoiceOS: Invalid authentication credentials');
		expect(error?.description).toContain('Check the API token');
		expect(JSON.stringify({ ...error, message: error?.message })).not.toContain('wrong-token-voiceos');
	});
});

describe('VoiceOS: reading calls', () => {
	test('Get Recording before the conversation has ended, and Get of an unknown ID: the 404 says which is the case', async () => {
		const created = await voiceos(call({ callUsing: 'savedAgent', agent: locator('agt_1') }), { items: [{ phone: '+14155552671' }] });
		const early = await voiceos({ resource: 'call', operation: 'getRecording', conversationId: created.items[0].json.id, download: false });
		expect(early.error?.httpCode).toBe('404');
		expect(early.error?.description).toContain('a recording exists once the conversation has ended');
		const unknown = await voiceos({ resource: 'call', operation: 'get', conversationId: 'conv_unknown' });
		expect(unknown.error?.description).toContain('VoiceOS has no conversation with this ID');
	});

	test('Get, Get Many with status filter and paging, Get Recording with download', async () => {
		const phones = ['+14155552671', '+14155552672', '+14155552673'];
		const created = await voiceos(call({ callUsing: 'savedAgent', agent: locator('agt_1') }), { items: phones.map((phone) => ({ phone })) });
		const ids = created.items.map((item) => item.json.id as string);
		await waitFor(() => sandbox.voiceos.conversations.every((conversation: { status: string }) => conversation.status === 'ended'));

		const one = await voiceos({ resource: 'call', operation: 'get', conversationId: ids[0] });
		expect(one.items[0].json).toMatchObject({ id: ids[0], status: 'ended', ended_reason: 'agent_ended' });

		sandbox.requests.length = 0;
		const ended = await voiceos({ resource: 'call', operation: 'getMany', returnAll: true, filters: { status: 'ended' } });
		expect(ended.items).toHaveLength(3);
		const limited = await voiceos({ resource: 'call', operation: 'getMany', returnAll: false, limit: 2 });
		expect(limited.items).toHaveLength(2);
		expect(sandbox.received('voiceos', 'GET', '/conversations').map((r) => r.query)).toEqual([
			{ status: 'ended', index: '1', limit: '100' },
			{ index: '1', limit: '2' },
		]);

		const recording = await voiceos({ resource: 'call', operation: 'getRecording', conversationId: ids[1], download: true, binaryPropertyName: 'audio' });
		expect(recording.items[0].json.recording_url).toContain(`/_files/voiceos/${ids[1]}.wav`);
		expect(recording.items[0].binary?.audio).toMatchObject({ mimeType: 'audio/wav', fileName: `${ids[1]}.wav` });
	});
});

describe('VoiceOS Trigger', () => {
	const secret = 'voiceos-trigger-secret';
	const parameters = { events: ['conversation:ended'], verifySecret: true, secret, headerName: 'X-VoiceOS-Secret' };
	const ended = { event: 'conversation:ended', conversation: { id: 'conv_1', status: 'ended' } };

	test('the secret header admits a delivery; a wrong or missing one gets 401', async () => {
		const trigger = new TriggerUnderTest('voiceOsTrigger', parameters);
		const ok = await trigger.deliver({ body: ended, headers: { 'x-voiceos-secret': secret } });
		expect(ok.result.workflowData![0][0].json).toEqual({ event: 'conversation:ended', conversation_id: 'conv_1', status: 'ended', body: ended });
		for (const headers of [{ 'x-voiceos-secret': 'nope' }, {}] as Array<Record<string, string>>) {
			const refused = await trigger.deliver({ body: ended, headers });
			expect(refused.response.statusCode).toBe(401);
			expect(refused.result.workflowData).toBeUndefined();
		}
	});

	test('events not selected: 200, no execution; a body without an event name passes', async () => {
		const trigger = new TriggerUnderTest('voiceOsTrigger', parameters);
		const other = await trigger.deliver({ body: { event: 'speech:started' }, headers: { 'x-voiceos-secret': secret } });
		expect(other.response.body).toEqual({ received: true, ignored: 'event speech:started not selected' });
		const unnamed = await trigger.deliver({ body: { conversation_id: 'c2' }, headers: { 'x-voiceos-secret': secret } });
		expect(unnamed.result.workflowData![0][0].json).toMatchObject({ event: null, conversation_id: 'c2' });
	});

	test('a call made with Send Events reaches the trigger with its secret header', async () => {
		// The sandbox posts to a local HTTP server that hands the request to the trigger.
		const http = await import('node:http');
		const trigger = new TriggerUnderTest('voiceOsTrigger', parameters);
		const started: unknown[] = [];
		const server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk) => chunks.push(chunk));
			request.on('end', async () => {
				const raw = Buffer.concat(chunks);
				const { result, response: answer } = await trigger.deliver({ body: JSON.parse(raw.toString()), rawBody: raw, headers: request.headers as Record<string, string> });
				if (result.workflowData) started.push(result.workflowData[0][0].json);
				response.writeHead(answer.statusCode).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook/voiceos`;
		try {
			await voiceos(call({ callUsing: 'inline', prompt: 'Hi', sendEvents: true, webhookUrl: url, webhookEvents: ['conversation:ended'], webhookHeaderName: 'X-VoiceOS-Secret', webhookSecret: secret }), {
				items: [{ phone: '+14155552671' }],
			});
			// The sandbox records its delivery once the answer is back, just after the trigger ran.
			await waitFor(() => started.length > 0 && sandbox.voiceos.deliveries.length > 0);
			expect(started[0]).toMatchObject({ event: 'conversation:ended', status: 'ended' });
			expect(sandbox.voiceos.deliveries[0]).toMatchObject({ status: 200 });
		} finally {
			server.close();
		}
	});

	test('verification on without a secret fails activation', async () => {
		await expect(new TriggerUnderTest('voiceOsTrigger', { ...parameters, secret: '' }).activate()).rejects.toThrow('no Shared Secret is set');
	});
});
