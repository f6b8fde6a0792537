'use strict';
// Workflow JSON for the end-to-end runs, built the way the n8n editor saves it.
const { name: PACKAGE } = require('../../package.json');
const { platforms } = require('../../sandbox/registry');

/**
 * The credential a node of this package uses, as a workflow names it: by n8n's convention the node
 * `osvi` takes the credential `osviApi`, which the sandbox's fake of that platform offers.
 */
function credentialOfNode(nodeType) {
	const offered = platforms.flatMap((platform) => [platform.credential, ...(platform.triggerCredential ? [platform.triggerCredential] : [])]);
	const credential = offered.find((candidate) => candidate.type === `${nodeType}Api`);
	if (!credential) throw new Error(`no sandbox fake offers the credential ${nodeType}Api`);
	const { type, id, name } = credential;
	return { [type]: { id, name } };
}

/**
 * `start` (default a Manual Trigger) → (rows as items, when given) → the nodes given, in a chain.
 * A step type without a dot is a node of this package.
 */
function chain(id, name, steps, { rows, start } = {}) {
	const nodes = [
		{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {}, ...start },
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
	return linked(id, name, nodes, steps);
}

/** The start nodes, then the steps, each connected to the next. */
function linked(id, name, nodes, steps) {
	steps.forEach((step, index) => {
		const ours = !step.type.includes('.');
		nodes.push({
			id: `${id}-step${index}`,
			typeVersion: 1,
			position: [600 + index * 200, 0],
			credentials: ours ? credentialOfNode(step.type) : undefined,
			...step,
			type: ours ? `${PACKAGE}.${step.type}` : step.type,
		});
	});
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData: {} };
}

/** A Webhook trigger at POST /webhook/<path> (answering at once) → the steps: for `n8n start` (activate it first). */
function webhookChain(id, path, steps) {
	const trigger = {
		id: `${id}-hook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
	return linked(id, path, [trigger], steps);
}

/**
 * A production workflow: a Webhook at `path` (answering at once), the request body's `rows` as
 * items, then the nodes given in a chain, as `chain` builds them.
 */
function rowsWebhookChain(id, name, path, steps) {
	const workflow = chain(id, name, steps);
	const [, ...rest] = workflow.nodes;
	const nodes = [
		{ id: `${id}-hook`, name: 'Rows Posted', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
		{ id: `${id}-split`, name: 'Split Rows', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.rows', include: 'noOtherFields', options: {} } },
		...rest,
	];
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	return { ...workflow, nodes, connections };
}

const byId = (value) => ({ __rl: true, mode: 'id', value });

/** A Webhook node that starts a chain on POST /webhook/<path> (answering at once). */
const webhookStart = (path) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	webhookId: path,
	parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
});

module.exports = { chain, webhookChain, rowsWebhookChain, byId, webhookStart };
