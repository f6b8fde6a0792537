'use strict';
// The VoiceOS fake as the sandbox registers it: served under /voiceos.
const { VoiceOsFake, VOICEOS_TOKEN } = require('./fake');

module.exports = {
	name: 'voiceos',
	title: 'VoiceOS',
	Fake: VoiceOsFake,
	credential: {
		type: 'voiceOsApi',
		id: 'voiceosSandboxCred',
		name: 'VoiceOS (sandbox)',
		data: (baseUrl) => ({ apiToken: VOICEOS_TOKEN, baseUrl }),
		labels: { baseUrl: 'Base URL', apiToken: 'Token' },
	},
	shortcuts: { voiceosToken: VOICEOS_TOKEN },
};
