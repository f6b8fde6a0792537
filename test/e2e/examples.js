'use strict';
// The example workflows of examples/, ready to import: the n8n address they were written for
// (127.0.0.1:5678) is replaced by the running instance's.
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const WRITTEN_FOR = 'http://127.0.0.1:5678';
const EXAMPLE_SECRET = 'change-me-to-a-long-random-secret';

function loadExamples(n8nUrl) {
	return fs
		.readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8').split(WRITTEN_FOR).join(n8nUrl)));
}

/** Workflows that start on their own (a webhook or trigger node) are the ones to activate. */
function triggeredExamples(examples) {
	return examples.filter((workflow) => workflow.nodes.some((node) => node.webhookId));
}

/** The `path` each of our triggers declares; n8n serves it at `/webhook/<webhookId>/<path>`. */
const TRIGGER_PATHS = {
	'n8n-nodes-voice-agents.osviTrigger': 'osvi',
	'n8n-nodes-voice-agents.klenAiTrigger': 'klen',
	'n8n-nodes-voice-agents.voiceOsTrigger': 'voiceos',
	'n8n-nodes-voice-agents.unleashXTrigger': 'unleashx',
};

/** The production webhook paths of the triggered examples. */
function webhookPaths(examples) {
	return triggeredExamples(examples).flatMap((workflow) =>
		workflow.nodes
			.filter((node) => node.webhookId)
			.map((node) => (node.type === 'n8n-nodes-base.webhook' ? node.parameters.path : `${node.webhookId}/${TRIGGER_PATHS[node.type]}`)),
	);
}

/**
 * What the platforms' dashboards would hold for the examples: the UnleashX renewal agent's
 * end-of-session webhook points at the example's trigger, with its token.
 */
function configureSandboxForExamples(sandbox, n8nUrl) {
	sandbox.unleashx.configureAgent(505, { session_data_webhook: `${n8nUrl}/webhook/unleashx-session-end/unleashx?token=change-me-unleashx-secret` });
}

module.exports = { configureSandboxForExamples, loadExamples, triggeredExamples, webhookPaths, EXAMPLE_SECRET };
