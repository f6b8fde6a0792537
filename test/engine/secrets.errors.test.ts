// An API whose error echoes the request's headers (the sandbox's `echoHeaders` fault) must not put
// the credential's token into the node's error: message, description, error item, run data.
// Every platform, a token with characters that change when encoded, with and without Continue On Fail.
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

/** The fault answers before the credential is checked, so any token meets it. */
const TOKEN = 'tok/en+with=special&chars_1234';
const FORMS = [TOKEN, encodeURIComponent(TOKEN), new URLSearchParams({ t: TOKEN }).toString().slice(2), `Bearer ${TOKEN}`];

const platforms: Array<{ platform: string; type: string; credentials: () => NodeRunOptions['credentials']; parameters: NodeRunOptions['parameters'] }> = [
	{ platform: 'osvi', type: 'osvi', credentials: () => ({ osviApi: { apiToken: TOKEN, baseUrl: sandbox.osviUrl } }), parameters: { resource: 'agent', operation: 'getMany' } },
	{
		platform: 'osvi (a call)',
		type: 'osvi',
		credentials: () => ({ osviApi: { apiToken: TOKEN, baseUrl: sandbox.osviUrl } }),
		parameters: { resource: 'call', operation: 'initiate', agent: { __rl: true, mode: 'id', value: 'agent_SandboxReminder01' }, phoneNumber: '9876543211', country: 'IN' },
	},
	{ platform: 'klen', type: 'klenAi', credentials: () => ({ klenAiApi: { apiKey: TOKEN, baseUrl: sandbox.klenUrl } }), parameters: { resource: 'agent', operation: 'getMany' } },
	{ platform: 'voiceos', type: 'voiceOs', credentials: () => ({ voiceOsApi: { apiToken: TOKEN, baseUrl: sandbox.voiceosUrl } }), parameters: { resource: 'agent', operation: 'getMany' } },
	{ platform: 'unleashx', type: 'unleashX', credentials: () => ({ unleashXApi: { apiToken: TOKEN, baseUrl: sandbox.unleashxUrl } }), parameters: { resource: 'agent', operation: 'getMany' } },
];

describe.each(platforms)('$platform: an error body echoing the request headers', ({ type, credentials, parameters }) => {
	test.each([false, true])('Continue On Fail %s: the error keeps the API\'s words, never the token in any form', async (continueOnFail) => {
		sandbox.setFaults({ script: [{ fault: 'echoHeaders', times: 100 }] });
		const { items, error, run } = await runNode({ type, parameters, credentials: credentials(), continueOnFail });
		const message = continueOnFail ? (items[0]?.json.error as string) : error?.message;
		expect(message).toContain('Headers received');
		// What the fake received did carry the token: the echo is real.
		expect(sandbox.requests.length).toBeGreaterThan(0);
		const everything = JSON.stringify({ items, error: error && { message: error.message, description: error.description, context: error.context }, run });
		for (const form of FORMS) expect({ form, found: everything.includes(form) }).toEqual({ form, found: false });
		expect(everything).toContain('***');
	});
});
