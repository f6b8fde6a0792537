'use strict';
// The OSVI fake as the sandbox registers it: served under /osvi, with the credential it accepts.
const { OsviFake, TOKEN } = require('./fake');

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
	shortcuts: { osviToken: TOKEN },
	notes: ({ callDurationMs }) => [
		'OSVI agents: agent_SandboxReminder01, agent_SandboxSurvey02 (agent_OtherAccount99 answers 403).',
		'Call outcome by last digit of the number: 0 not picked, 8 failed, 9 busy, otherwise picked.',
		`Calls finish after ${callDurationMs} ms and POST their webhook_url.`,
	],
};
