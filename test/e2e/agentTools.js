'use strict';
// AI Agent workflows for the guardrail checks, made from the example "AI Agent places a call with
// OSVI as a tool": n8n's AI Agent at a given version, the chat-model stand-in, OSVI as its tool.
// AI Agent 2.x calls its tools itself (n8n's supply path); 3.x asks n8n to run each tool call as a
// step of the workflow. The guardrails must hold, and the model must read their refusal, on both.

/**
 * A copy of the example with its own ID, the agent at `agentVersion`, the tool not waiting for the
 * call, and the tool's AI Agent Guardrails set to `guardrails` (none: the defaults).
 */
function agentWithOsviTool(examples, { id, agentVersion, guardrails }) {
	const example = examples.find((workflow) => workflow.id === 'exAiAgentOsviTool');
	const workflow = structuredClone(example);
	workflow.id = id;
	workflow.name = `Guardrails: AI Agent ${agentVersion} with OSVI as a tool`;
	for (const node of workflow.nodes) node.id = `${id}-${node.id.slice(-4)}`;
	workflow.nodes.find((node) => node.type === '@n8n/n8n-nodes-langchain.agent').typeVersion = agentVersion;
	const tool = workflow.nodes.find((node) => node.type.endsWith('.osviTool'));
	tool.parameters.options = {};
	if (guardrails) tool.parameters.toolGuardrails = guardrails;
	tool.parameters.toolDescription = 'Places a phone call with an OSVI voice agent; returns the call ID, or why the call was not placed.';
	return workflow;
}

const AGENT_VERSIONS = [
	{ id: 'e2eGuardAgent22', agentVersion: 2.2 },
	{ id: 'e2eGuardAgent3', agentVersion: 3 },
];

/** Guardrails set in the node (not the defaults): they must survive n8n's handling of the tool's parameters. */
const CONFIGURED = { id: 'e2eGuardAgent3Max2', agentVersion: 3, guardrails: { allowedCountries: ['IN', 'US'], maxCalls: 2 } };

/**
 * The guardrail checks, run inside the OSVI suite's n8n (one instance per n8n line): `current()`
 * gives its running sandbox and n8n, `nodeOutput(run, name)` a node's items.
 */
function guardrailTests(current, nodeOutput) {
	/** What the model was told each time it called the tool (the tool messages it got back last). */
	const toolResults = (sandbox) =>
		sandbox.openai.completions.at(-1).messages.filter((message) => message.role === 'tool').map((message) => String(message.content));
	/** Runs the workflow with the model asking for these tool calls; the run must succeed. */
	async function runAgent(id, toolArguments) {
		const { sandbox, n8n } = current();
		sandbox.openai.completions.length = 0;
		sandbox.openai.toolArguments = toolArguments;
		const { code, run } = await n8n.execute(id);
		expect({ code, error: run?.data?.resultData?.error?.message }).toEqual({ code: 0, error: undefined });
		return { sandbox, calls: sandbox.received('osvi', 'POST', '/v1/call'), answer: nodeOutput(run, 'AI Agent').items[0].json.output };
	}

	describe.each(AGENT_VERSIONS)('guardrails: AI Agent $agentVersion with OSVI as a tool', ({ id }) => {
		test('asked to call a number of a country the node does not allow: no call reaches OSVI, the agent reads the refusal', async () => {
			const { sandbox, calls, answer } = await runAgent(id, { phone_number: '+44 20 7946 0958', person_name: 'Guy' });
			expect(calls).toHaveLength(0);
			const refusal = 'not allowed: +442079460958 is a number in United Kingdom (GB); this tool may only call numbers in India (IN). No call was placed.';
			expect(toolResults(sandbox)).toEqual([expect.stringContaining(refusal)]);
			expect(answer).toContain(refusal);
		});

		test('asked for two calls in one execution: the first is placed, the second refused (at most 1 call by default)', async () => {
			const { sandbox, calls, answer } = await runAgent(id, [
				{ phone_number: '+91 98765 43211', person_name: 'Asha' },
				{ phone_number: '+91 98765 43212', person_name: 'Bala' },
			]);
			expect(calls.map((request) => request.body.phone_number)).toEqual(['9876543211']);
			const [placed, refused] = toolResults(sandbox);
			expect(placed).toContain(`"call_id":"${sandbox.osvi.calls.at(-1).call_id}"`);
			expect(refused).toContain('not allowed: this tool may place at most 1 call per workflow execution, and 1 was placed already.');
			expect(answer).toContain('not allowed: this tool may place at most 1 call');
		});
	});

	test('guardrails set in the node hold in real n8n: US allowed beside IN, at most 2 calls; the third is refused', async () => {
		const { calls, answer } = await runAgent(CONFIGURED.id, [
			{ phone_number: '+91 98765 43211', person_name: 'Asha' },
			{ phone_number: '+1 (415) 555-2671', person_name: 'Bob' },
			{ phone_number: '+91 98765 43213', person_name: 'Chitra' },
		]);
		expect(calls.map((request) => request.body.phone_number)).toEqual(['9876543211', '4155552671']);
		expect(answer).toContain('not allowed: this tool may place at most 2 calls per workflow execution, and 2 were placed already.');
	});
}

module.exports = { AGENT_VERSIONS, CONFIGURED, agentWithOsviTool, guardrailTests };
