'use strict';
// The OSVI fake as the sandbox registers it: served under /osvi, with the credential it accepts.
const { OsviFake, TOKEN } = require('./fake');

/** The shared secret of the sandbox's OSVI Trigger credential (OSVI sends it as a custom header). */
const TRIGGER_SECRET = 'sandbox-osvi-trigger-secret-0001';

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
		data: { secret: TRIGGER_SECRET, location: 'header', headerName: 'X-OSVI-Secret' },
		labels: { secret: 'Shared Secret', location: 'Sent As', headerName: 'Header Name' },
	},
	shortcuts: { osviToken: TOKEN, osviTriggerSecret: TRIGGER_SECRET },
	notes: ({ callDurationMs }) => [
		'OSVI agents: agent_SandboxReminder01, agent_SandboxSurvey02 (agent_OtherAccount99 answers 403).',
		'Call outcome by last digit of the number: 0 not picked, 8 failed, 9 busy, otherwise picked.',
		`Calls finish after ${callDurationMs} ms and POST their webhook_url.`,
	],
};
