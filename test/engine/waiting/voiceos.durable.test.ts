// VoiceOS Call → Create Phone Call with Wait for Result "Durable (Webhook)": the resume URL is one
// of the inline agent configuration's webhooks, and the sandbox posts the conversation's events.
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { WaitingExecutions, waitUntil } from '../harness';

let sandbox: Sandbox;
let n8n: WaitingExecutions;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 600_000 });
	n8n = await WaitingExecutions.start();
});
afterAll(async () => {
	await sandbox.close();
	await n8n.close();
});
beforeEach(() => sandbox.reset());

const SECRET = 'trigger-secret-0123456789';
const inline = {
	callUsing: 'inline',
	prompt: 'You confirm bookings.',
	initialMessage: 'Hello!',
	sendEvents: true,
	webhookUrl: 'http://127.0.0.1:9/webhook/voiceos-trigger',
	webhookEvents: ['conversation:ended'],
	webhookHeaderName: 'X-VoiceOS-Secret',
	webhookSecret: SECRET,
};

function createAndWait(toNumber: string, parameters: object = {}) {
	return n8n.run({
		type: 'voiceOs',
		parameters: {
			resource: 'call',
			operation: 'createPhoneCall',
			fromNumber: { __rl: true, mode: 'list', value: '+14155550100' },
			toNumber,
			country: 'US',
			waitForResult: 'durable',
			...inline,
			...parameters,
		},
		credentials: { voiceOsApi: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } },
	});
}

const conversations = () => sandbox.fakes.voiceos.conversations as Array<{ id: string; agent_config: { webhooks: Array<{ url: string; events: string[] }> } }>;
const reads = () => sandbox.received('voiceos', 'GET').filter((request) => /^\/conversations\/[^/]+$/.test(request.path));

test('the resume URL is added to the call\'s webhooks; a step that ends no call is declined unread; conversation:ended resumes', async () => {
	const execution = await createAndWait('+14155552671');
	expect(execution.status).toBe('waiting');
	const [conversation] = conversations();
	const [own, resume] = conversation.agent_config.webhooks;
	expect(own.url).toBe(inline.webhookUrl);
	expect(resume).toMatchObject({ events: ['phone_call:rejected', 'conversation:ended'], method: 'POST', headers: {} });
	expect(resume.url.startsWith(`${n8n.baseUrl}/${execution.id}/node-under-test?`)).toBe(true);

	// A non-final event reaching the resume URL (replayed to every webhook): declined without a read.
	const readsBefore = reads().length;
	await sandbox.fakes.voiceos.redeliver(conversation.id, { event: 'phone_call:connection_requested' });
	expect(execution.answers.at(-1)).toEqual({ status: 200, body: { received: true, resumed: false, reason: 'A step that ends no call' } });
	expect(reads()).toHaveLength(readsBefore);
	// A final event while the conversation still runs: read, and declined.
	await sandbox.fakes.voiceos.redeliver(conversation.id, { event: 'conversation:ended' });
	expect(execution.answers.at(-1)?.body).toEqual({ received: true, resumed: false, reason: 'A call is still running' });
	expect(execution.status).toBe('waiting');

	sandbox.fakes.voiceos.endCall(conversation.id);
	const { items, error } = await execution.finished;
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ id: conversation.id, status: 'ended', ended_reason: 'agent_ended', timed_out: false });
	expect((items[0].json.messages as unknown[]).length).toBe(2);
	// The echoed configuration keeps neither the trigger's secret nor what opens the resume URL.
	const text = JSON.stringify(items);
	expect(text).not.toContain(SECRET);
	expect(text).not.toMatch(/[?&](sig|signature)=[^*&"]/);
	expect(sandbox.received('voiceos', 'POST', '/conversations/create_phone_call')).toHaveLength(1);
});

test('a call nobody answers is rejected (phone_call:rejected): the wait ends with the ended conversation', async () => {
	const execution = await createAndWait('+14155552670');
	sandbox.fakes.voiceos.endCall(conversations()[0].id);
	const { items } = await execution.finished;
	expect(items[0].json).toMatchObject({ status: 'ended', ended_reason: 'unknown', started_at: null, timed_out: false });
	await waitUntil(() => sandbox.fakes.voiceos.deliveries.some((delivery: { event: string }) => delivery.event === 'phone_call:rejected'));
});

test('with a saved agent Durable is refused before anything is sent (a saved agent\'s webhooks are its own)', async () => {
	const execution = await createAndWait('+14155552671', { callUsing: 'savedAgent', agent: { __rl: true, mode: 'id', value: 'agt_1' } });
	expect(execution.latest?.error?.message).toBe(
		"Invalid 'Call Using': is Saved Agent, and VoiceOS takes a per-call webhook only inside an inline agent configuration (a saved agent's webhooks are the agent's own): choose Inline Configuration, or wait by Polling [item 0]",
	);
	expect(sandbox.received('voiceos', 'POST')).toHaveLength(0);
});
