'use strict';
// The Klen AI fake as the sandbox registers it: served under /klen, its API below /api/v1.
const { KlenFake, KLEN_KEY, SIGNING_SECRET } = require('./fake');

module.exports = {
	name: 'klen',
	title: 'Klen AI',
	Fake: KlenFake,
	/** Where the credential's Base URL points, below the fake's prefix. */
	apiRoot: '/api/v1',
	credential: {
		type: 'klenAiApi',
		id: 'klenSandboxCred01',
		name: 'Klen AI (sandbox)',
		data: (baseUrl) => ({ apiKey: KLEN_KEY, baseUrl }),
		labels: { baseUrl: 'Base URL', apiKey: 'API Key' },
	},
	/** The signing secret as the dashboard shows it, for a trigger that does not take it from the registration. */
	triggerCredential: { type: 'klenAiTriggerApi', id: 'klenSandboxTrig01', name: 'Klen AI Trigger (sandbox)', data: { signingSecret: SIGNING_SECRET }, labels: { signingSecret: 'Signing Secret' } },
	shortcuts: { klenKey: KLEN_KEY, klenSigningSecret: SIGNING_SECRET },
	notes: () => [`Webhook signing secret: ${SIGNING_SECRET}`],
};
