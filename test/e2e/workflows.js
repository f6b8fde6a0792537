'use strict';
// Workflow JSON for the end-to-end runs, built the way the n8n editor saves it.
const PACKAGE = 'n8n-nodes-voice-agents';
const OSVI_CREDENTIAL = { id: 'osviSandboxCred01', name: 'OSVI (sandbox)' };

function osviCredential(sandbox) {
	return {
		id: OSVI_CREDENTIAL.id,
		name: OSVI_CREDENTIAL.name,
		type: 'osviApi',
		data: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl },
	};
}

/** Credentials for every platform, pointing at the sandbox, with the IDs the examples use. */
function sandboxCredentials(sandbox) {
	return [
		osviCredential(sandbox),
		{ id: 'klenSandboxCred01', name: 'Klen AI (sandbox)', type: 'klenAiApi', data: { apiKey: sandbox.klenKey, baseUrl: sandbox.klenUrl } },
		{ id: 'voiceosSandboxCred', name: 'VoiceOS (sandbox)', type: 'voiceOsApi', data: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } },
		{ id: 'unleashxSandboxCr', name: 'UnleashX (sandbox)', type: 'unleashXApi', data: { apiToken: sandbox.unleashxToken, baseUrl: sandbox.unleashxUrl } },
	];
}

/** n8n's own OpenAI credential, pointed at the sandbox's chat-model stand-in (for the AI Agent example). */
function chatModelCredential(sandbox) {
	return { id: 'openAiSandboxCred', name: 'OpenAI (sandbox stand-in)', type: 'openAiApi', data: { apiKey: 'sk-sandbox', url: sandbox.openaiUrl } };
}

/** Manual Trigger → (rows as items, when given) → the nodes given, in a chain. */
function chain(id, name, steps, { rows } = {}) {
	const nodes = [
		{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	if (rows) {
		nodes.push({
			id: `${id}-rows`,
			name: 'Rows',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows }), options: {} },
		});
		nodes.push({
			id: `${id}-split`,
			name: 'Split Rows',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'rows', include: 'noOtherFields', options: {} },
		});
	}
	steps.forEach((step, index) => {
		nodes.push({
			id: `${id}-step${index}`,
			typeVersion: 1,
			position: [600 + index * 200, 0],
			credentials: step.type === 'osvi' ? { osviApi: OSVI_CREDENTIAL } : undefined,
			...step,
			type: step.type === 'osvi' ? `${PACKAGE}.osvi` : step.type,
		});
	});
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData: {} };
}

const byId = (value) => ({ __rl: true, mode: 'id', value });

module.exports = { chain, byId, chatModelCredential, osviCredential, sandboxCredentials, OSVI_CREDENTIAL, PACKAGE };
