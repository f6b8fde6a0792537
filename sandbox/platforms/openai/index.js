'use strict';
// The chat-model stand-in as the sandbox registers it: served under /openai, an OpenAI-compatible
// API below /v1 for n8n's own OpenAI credential. A stand-in, not one of our platforms.
const { OpenAiFake } = require('./fake');

module.exports = {
	name: 'openai',
	title: 'Chat model stand-in',
	Fake: OpenAiFake,
	standIn: true,
	apiRoot: '/v1',
	credential: {
		type: 'openAiApi',
		id: 'openAiSandboxCred',
		name: 'OpenAI (sandbox stand-in)',
		data: (url) => ({ apiKey: 'sk-sandbox', url }),
		labels: { url: 'Base URL', apiKey: 'API Key' },
	},
};
