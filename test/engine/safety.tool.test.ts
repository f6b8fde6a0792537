// AI Agent guardrails through n8n's engine: the node run as an AI Agent v3 runs a tool (its type
// named with "Tool", a workflow step whose input item carries the model's arguments). A refusal
// is an output item the model reads ("not allowed: …"), never an error, and nothing is sent.
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { nextExecutionId, runNode } from './harness';
import type { NodeRunOptions } from './harness';
import { callingPlatforms, placedCalls } from './callingPlatforms';
import type { CallingPlatform } from './callingPlatforms';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ callDurationMs: 60_000 });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const GB_NUMBER = '+44 20 7946 0958';

function runAsTool(platform: CallingPlatform, items: object[], extra: Partial<NodeRunOptions> = {}, parameters: object = {}) {
	return runNode({
		type: platform.type,
		parameters: { ...platform.parameters, requestOptions: { concurrency: 4 }, ...parameters },
		items: items as NodeRunOptions['items'],
		credentials: platform.credentials(sandbox),
		asTool: true,
		...extra,
	});
}

describe.each(callingPlatforms)('$type as an AI Agent tool', (platform) => {
	test('a number in a country not allowed (default: the node\'s country) is refused with text the model reads; nothing is sent', async () => {
		const { items, error } = await runAsTool(platform, [{ phone: GB_NUMBER }]);
		expect(error).toBeUndefined();
		expect(placedCalls(sandbox, platform)).toHaveLength(0);
		const country = platform.parameters.country === 'IN' ? 'India (IN)' : 'United States (US)';
		expect(items[0].json).toMatchObject({
			skipped: true,
			reason: 'not_allowed',
			rule: 'allowed_countries',
			message: `not allowed: +442079460958 is a number in United Kingdom (GB); this tool may only call numbers in ${country}. No call was placed.`,
		});
		expect(items[0].json.error).toBeUndefined();
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	test('one call per execution by default: the agent\'s second call in the same execution is refused, a new execution may call', async () => {
		const executionId = nextExecutionId();
		const first = await runAsTool(platform, [{ phone: platform.phones[0] }], { executionId });
		expect(platform.callIdOf(first.items[0].json)).toEqual(expect.any(String));
		const second = await runAsTool(platform, [{ phone: platform.phones[1] }], { executionId });
		expect(second.items[0].json).toMatchObject({ reason: 'not_allowed', rule: 'max_calls_per_execution' });
		expect(second.items[0].json.message).toMatch(/^not allowed: this tool may place at most 1 call per workflow execution, and 1 was placed already/);
		expect(placedCalls(sandbox, platform)).toHaveLength(1);
		await runAsTool(platform, [{ phone: platform.phones[1] }]);
		expect(placedCalls(sandbox, platform)).toHaveLength(2);
	});

	test('not a tool: no guardrail applies (the same calls are placed)', async () => {
		await runNode({
			type: platform.type,
			parameters: { ...platform.parameters, [platform.phoneParameter]: '={{ $json.phone }}' },
			items: [{ phone: GB_NUMBER }, { phone: platform.phones[0] }],
			credentials: platform.credentials(sandbox),
		});
		expect(placedCalls(sandbox, platform)).toHaveLength(2);
	});
});

describe('OSVI as a tool: the guardrails set in the node', () => {
	const [osvi] = callingPlatforms;
	const fromAi = "={{ $fromAI('phone_number', 'The number to call, with country code', 'string') }}";

	test('Allowed Countries and Max Calls: three items side by side, two placed, one refused', async () => {
		const guardrails = { allowedCountries: ['IN', 'GB'], maxCalls: 2 };
		const { items } = await runAsTool(osvi, [{ phone: GB_NUMBER }, { phone: osvi.phones[0] }, { phone: osvi.phones[1] }], {}, { toolGuardrails: guardrails });
		expect(placedCalls(sandbox, osvi)).toHaveLength(2);
		const refused = items.filter((item) => item.json.reason === 'not_allowed');
		expect(refused.map((item) => item.json.rule)).toEqual(['max_calls_per_execution']);
	});

	test('Only Numbers From the Workflow: a number the model made up is refused, the CRM record\'s number (any format) is called', async () => {
		const parameters = { phoneNumber: fromAi, toolGuardrails: { onlyWorkflowNumbers: true } };
		// The agent's input item (a CRM record) merged with the model's arguments, as AI Agent v3 passes it.
		const record = { name: 'Asha', crm_phone: '098765 43211', toolCallId: 'call_1' };
		const invented = await runAsTool(osvi, [{ ...record, phone_number: '+91 98765 43219' }], {}, parameters);
		expect(invented.items[0].json).toMatchObject({ reason: 'not_allowed', rule: 'only_workflow_numbers' });
		expect(invented.items[0].json.message).toBe(
			'not allowed: +919876543219 is not one of the phone numbers the workflow provided; call only a number from the record you were given. No call was placed.',
		);
		expect(placedCalls(sandbox, osvi)).toHaveLength(0);
		const fromRecord = await runAsTool(osvi, [{ ...record, phone_number: '+91 98765 43211' }], {}, parameters);
		expect(fromRecord.items[0].json.call_id).toEqual(expect.any(String));
		expect(placedCalls(sandbox, osvi)).toHaveLength(1);
	});

	test.each([
		["$fromAI('phone_number')", fromAi],
		['$fromAI("phone_number") in double quotes', '={{ $fromAI("phone_number", "The number to call") }}'],
	])('a record field named like the model\'s argument (%s) is the model\'s value, not the workflow\'s', async (_, phoneNumber) => {
		const parameters = { phoneNumber, toolGuardrails: { onlyWorkflowNumbers: true } };
		const { items } = await runAsTool(osvi, [{ name: 'Asha', phone_number: '+91 98765 43219' }], {}, parameters);
		expect(items[0].json).toMatchObject({ rule: 'only_workflow_numbers' });
	});

	test('Numbers From the Workflow, mapped: only those may be called', async () => {
		const guardrails = { onlyWorkflowNumbers: true, workflowNumbers: '={{ $json.crm.phones }}' };
		const crm = { phones: ['+91 98765 43213', '098765 43214'] };
		const { items } = await runAsTool(osvi, [{ phone: '9876543214', crm }, { phone: osvi.phones[0], crm }], {}, { toolGuardrails: { ...guardrails, maxCalls: 5 } });
		expect(items[0].json.call_id).toEqual(expect.any(String));
		expect(items[1].json).toMatchObject({ rule: 'only_workflow_numbers' });
	});

	test('a request the API refused placed no call: it does not count against the limit', async () => {
		const executionId = nextExecutionId();
		const refused = await runAsTool(osvi, [{ phone: osvi.phones[0] }], { executionId, continueOnFail: true }, { agent: { __rl: true, mode: 'id', value: 'agent_NotOnTheAccount' } });
		expect(refused.items[0].json.error).toBeDefined();
		const next = await runAsTool(osvi, [{ phone: osvi.phones[1] }], { executionId });
		expect(next.items[0].json.call_id).toEqual(expect.any(String));
	});

	test.each([
		[{ toolGuardrails: { maxCalls: "={{ $fromAI('max_calls') }}" } }, 'AI Agent Guardrails', 'cannot be filled in by the model'],
		[{ country: "={{ $fromAI('country') }}" }, 'AI Agent Guardrails › Allowed Countries', "the model fills in the node's country"],
		[{ toolGuardrails: { allowedCountries: ['IN', 'XX'] } }, 'AI Agent Guardrails › Allowed Countries', '"XX" is not a known country code'],
		[{ toolGuardrails: { maxCalls: 1.5 } }, 'AI Agent Guardrails › Max Calls per Execution', 'must be a whole number from 0 to 1,000'],
	])('guardrails the workflow must set are refused as configuration errors: %j', async (parameters, field, problem) => {
		const { error } = await runAsTool(osvi, [{ phone: '+91 98765 43211', max_calls: 9, country: 'GB' }], {}, parameters);
		expect(error?.message).toContain(`Invalid '${field}'`);
		expect(error?.message).toContain(problem);
		expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(0);
	});

	test('Campaign → Add Contacts as a tool: each contact counts as a call; a contact of another country is refused', async () => {
		const { items } = await runNode({
			type: 'osvi',
			parameters: { resource: 'campaign', operation: 'addContacts', campaignId: 101, agent: osvi.parameters.agent, country: 'IN' },
			items: [
				{ name: 'Guy', phone: GB_NUMBER },
				{ name: 'Asha', phone: osvi.phones[0] },
				{ name: 'Bala', phone: osvi.phones[1] },
			],
			credentials: osvi.credentials(sandbox),
			asTool: true,
		});
		const uploads = sandbox.received('osvi', 'POST', '/v1/campaigns/101/contacts');
		expect(uploads).toHaveLength(1);
		expect(uploads[0].body.contacts.map((contact: { phone: string }) => contact.phone)).toEqual(['+919876543211']);
		const byItem = new Map(items.map((item) => [JSON.stringify(item.pairedItem), item.json]));
		expect(byItem.get('{"item":0}')).toMatchObject({ reason: 'not_allowed', rule: 'allowed_countries', campaign_id: 101 });
		expect(byItem.get('{"item":2}')).toMatchObject({ reason: 'not_allowed', rule: 'max_calls_per_execution' });
		expect(byItem.get('[{"item":1}]')).toMatchObject({ contacts_sent: 1 });
	});
});
