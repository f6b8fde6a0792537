'use strict';
// The example workflows of examples/, ready to import into a running n8n (the address they were
// written for, 127.0.0.1:5678, replaced by the instance's), and what the sandbox and n8n need to
// serve them, read from the workflows themselves and from this package's built nodes.
const fs = require('node:fs');
const path = require('node:path');

const { platforms } = require('../sandbox/registry');
const { builtNodeDescriptions, root } = require('./package/manifest');

const EXAMPLES = path.join(root, 'examples');
const WRITTEN_FOR = 'http://127.0.0.1:5678';
/** The sandbox's address in the examples' pinned samples (the demo's, `npm run sandbox`'s default). */
const SANDBOX_WRITTEN_FOR = 'http://127.0.0.1:5680';

/** @param {string} [sandboxUrl] a sandbox on another port, for the pinned samples that point at it (a CRM row) */
function loadExamples(n8nUrl, sandboxUrl = SANDBOX_WRITTEN_FOR) {
	return fs
		.readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) =>
			JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8').split(WRITTEN_FOR).join(n8nUrl).split(SANDBOX_WRITTEN_FOR).join(sandboxUrl)),
		);
}

/** Workflows that start on their own (a webhook or trigger node) are the ones to activate. */
function triggeredExamples(examples) {
	return examples.filter((workflow) => workflow.nodes.some((node) => node.webhookId));
}

/**
 * Where n8n serves a node's production webhook, below `/webhook/`: a Webhook node at its `path`
 * parameter; a trigger of this package at `<webhookId>/<path of its description's webhook>`.
 */
function webhookPath(node, descriptions) {
	if (node.type === 'n8n-nodes-base.webhook') return node.parameters.path;
	const [webhook] = descriptions[node.type]?.webhooks ?? [];
	if (!webhook) throw new Error(`${node.name} (${node.type}) has a webhookId but is no trigger of this package`);
	return `${node.webhookId}/${webhook.path}`;
}

/** The production webhook paths of the triggered examples. */
function webhookPaths(examples) {
	const descriptions = builtNodeDescriptions();
	return triggeredExamples(examples).flatMap((workflow) =>
		workflow.nodes.filter((node) => node.webhookId).map((node) => webhookPath(node, descriptions)),
	);
}

/**
 * What the platforms' dashboards would hold for the examples (e.g. the UnleashX agent's
 * end-of-session webhook pointing at the example's trigger): each fake that needs it says how.
 */
function configureSandboxForExamples(sandbox, n8nUrl, examples = loadExamples(n8nUrl)) {
	const descriptions = builtNodeDescriptions();
	const webhookUrl = (node) => `${n8nUrl}/webhook/${webhookPath(node, descriptions)}`;
	for (const platform of platforms) platform.configureForWorkflows?.(sandbox.fakes[platform.name], examples, { webhookUrl });
}

module.exports = { configureSandboxForExamples, loadExamples, triggeredExamples, webhookPaths };
