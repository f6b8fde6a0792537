'use strict';
// The VoiceOS fake as the sandbox registers it: served under /voiceos.
const { VoiceOsFake, VOICEOS_TOKEN } = require('./fake');

/** The header secret of the sandbox's VoiceOS Trigger credential (put into a webhook entry's headers). */
const TRIGGER_SECRET = 'sandbox-voiceos-trigger-secret-01';

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
	triggerCredential: {
		type: 'voiceOsTriggerApi',
		id: 'voiceosSandboxTrig',
		name: 'VoiceOS Trigger (sandbox)',
		data: { secret: TRIGGER_SECRET, headerName: 'X-VoiceOS-Secret' },
		labels: { secret: 'Shared Secret', headerName: 'Header Name' },
	},
	shortcuts: { voiceosToken: VOICEOS_TOKEN, voiceosTriggerSecret: TRIGGER_SECRET },
};
