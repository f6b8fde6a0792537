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

module.exports = { AGENT_VERSIONS, CONFIGURED, agentWithOsviTool };
