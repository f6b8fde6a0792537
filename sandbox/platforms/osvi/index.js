'use strict';
// The OSVI fake as the sandbox registers it: served under /osvi, with the credential it accepts.
const { OsviFake, TOKEN } = require('./fake');

/** The shared secret of the sandbox's OSVI Trigger credential (OSVI sends it as a custom header). */
const TRIGGER_SECRET = 'sandbox-osvi-trigger-secret-0001';
const TRIGGER_DATA = { secret: TRIGGER_SECRET, location: 'header', headerName: 'X-OSVI-Secret' };

/** The custom header an OSVI Trigger wants (none when its secret rides in the URL as `?token=`, or is off). */
function secretHeaderOf(trigger) {
	const v1 = (trigger.typeVersion ?? 1) < 2;
	if (v1 ? trigger.parameters.verifySecret === false : trigger.parameters.authentication === 'none') return {};
	const { secret, location, headerName } = v1
		? { secret: trigger.parameters.secret, location: trigger.parameters.secretLocation ?? 'header', headerName: trigger.parameters.headerName ?? 'X-OSVI-Secret' }
		: TRIGGER_DATA;
	return location === 'header' ? { [headerName]: secret } : {};
}

/**
 * What OSVI's dashboard would hold for these workflows: the custom header of the agent's
 * Post-Call Analysis → Integrations, carrying the secret of the workflow's OSVI Trigger.
 */
function configureForWorkflows(fake, workflows) {
	const trigger = workflows.flatMap((workflow) => workflow.nodes).find((node) => node.type.endsWith('.osviTrigger'));
	if (trigger) fake.webhookHeaders = secretHeaderOf(trigger);
}

module.exports = {
	name: 'osvi',
	title: 'OSVI',
	Fake: OsviFake,
	credential: {
		type: 'osviApi',
		id: 'osviSandboxCred01',
		name: 'OSVI (sandbox)',
		data: (baseUrl) => ({ apiToken: TOKEN, baseUrl }),
		labels: { baseUrl: 'Base URL', apiToken: 'API Token' },
	},
	triggerCredential: {
		type: 'osviTriggerApi',
		id: 'osviSandboxTrig01',
		name: 'OSVI Trigger (sandbox)',
		data: TRIGGER_DATA,
		labels: { secret: 'Shared Secret', location: 'Sent As', headerName: 'Header Name' },
	},
	configureForWorkflows,
	shortcuts: { osviToken: TOKEN, osviTriggerSecret: TRIGGER_SECRET },
	notes: ({ callDurationMs }) => [
		'OSVI agents: agent_SandboxReminder01, agent_SandboxSurvey02 (agent_OtherAccount99 answers 403).',
		'Call outcome by last digit of the number: 0 not picked, 8 failed, 9 busy, otherwise picked.',
		`Calls finish after ${callDurationMs} ms and POST their webhook_url.`,
	],
};
