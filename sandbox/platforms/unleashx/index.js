'use strict';
// The UnleashX fake as the sandbox registers it: served under /unleashx.
const { UnleashXFake, UNLEASHX_TOKEN } = require('./fake');

/**
 * What UnleashX's dashboard would hold for these workflows: every agent a workflow calls sends its
 * end-of-session data to that workflow's UnleashX Trigger, with the trigger's secret.
 */
function configureForWorkflows(fake, workflows, { webhookUrl }) {
	for (const workflow of workflows) {
		const trigger = workflow.nodes.find((node) => node.type.endsWith('.unleashXTrigger'));
		if (!trigger) continue;
		const { verifySecret = true, secret = '', secretLocation = 'header', headerName } = trigger.parameters;
		const inQuery = verifySecret && secretLocation === 'query';
		const settings = {
			session_data_webhook: inQuery ? `${webhookUrl(trigger)}?token=${encodeURIComponent(secret)}` : webhookUrl(trigger),
			webhook_headers: verifySecret && !inQuery && headerName ? { [headerName]: secret } : {},
		};
		const calls = workflow.nodes.filter((node) => node.type.endsWith('.unleashX') && node.parameters.operation === 'makeCall');
		for (const call of calls) fake.configureAgent(call.parameters.agent?.value ?? call.parameters.agent, settings);
	}
}

module.exports = {
	name: 'unleashx',
	title: 'UnleashX',
	Fake: UnleashXFake,
	credential: {
		type: 'unleashXApi',
		id: 'unleashxSandboxCr',
		name: 'UnleashX (sandbox)',
		data: (baseUrl) => ({ apiToken: UNLEASHX_TOKEN, baseUrl }),
		labels: { baseUrl: 'Base URL', apiToken: 'Token' },
	},
	shortcuts: { unleashxToken: UNLEASHX_TOKEN },
	configureForWorkflows,
};
