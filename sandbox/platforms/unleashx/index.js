'use strict';
// The UnleashX fake as the sandbox registers it: served under /unleashx.
const { UnleashXFake, UNLEASHX_TOKEN } = require('./fake');

/** The shared secret of the sandbox's UnleashX Trigger credential. */
const TRIGGER_CREDENTIAL = {
	type: 'unleashXTriggerApi',
	id: 'unleashxSandboxTrig',
	name: 'UnleashX Trigger (sandbox)',
	data: { secret: 'sandbox-unleashx-trigger-secret1', location: 'header', headerName: 'X-UnleashX-Secret' },
	labels: { secret: 'Shared Secret', location: 'Sent As', headerName: 'Header Name' },
};

/** How a trigger node wants its secret sent: its own fields (version 1) or its credential (version 2, the sandbox's). */
function secretOf(trigger) {
	if ((trigger.typeVersion ?? 1) < 2) {
		const { verifySecret = true, secret = '', secretLocation = 'header', headerName = 'X-UnleashX-Secret' } = trigger.parameters;
		return { verify: verifySecret, secret, location: secretLocation, headerName };
	}
	if (trigger.parameters.authentication === 'none') return { verify: false };
	return { verify: true, ...TRIGGER_CREDENTIAL.data };
}

/**
 * What UnleashX's dashboard would hold for these workflows: every agent a workflow calls sends its
 * end-of-session data to that workflow's UnleashX Trigger, with the trigger's secret.
 */
function configureForWorkflows(fake, workflows, { webhookUrl }) {
	for (const workflow of workflows) {
		const trigger = workflow.nodes.find((node) => node.type.endsWith('.unleashXTrigger'));
		if (!trigger) continue;
		const { verify, secret, location, headerName } = secretOf(trigger);
		const inQuery = verify && location === 'query';
		const settings = {
			session_data_webhook: inQuery ? `${webhookUrl(trigger)}?token=${encodeURIComponent(secret)}` : webhookUrl(trigger),
			webhook_headers: verify && !inQuery && headerName ? { [headerName]: secret } : {},
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
	triggerCredential: TRIGGER_CREDENTIAL,
	shortcuts: { unleashxToken: UNLEASHX_TOKEN, unleashxTriggerSecret: TRIGGER_CREDENTIAL.data.secret },
	configureForWorkflows,
};
