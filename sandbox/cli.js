#!/usr/bin/env node
'use strict';
// `npm run sandbox`: the fake platforms alone, for trying the nodes in your own n8n.
const { startSandbox } = require('./index');

const port = Number(process.env.SANDBOX_PORT ?? 5680);
const callDurationMs = Number(process.env.SANDBOX_CALL_DURATION_MS ?? 5000);

startSandbox({ port, callDurationMs }).then((sandbox) => {
	console.log(`Voice-agent sandbox listening on ${sandbox.url} (127.0.0.1 only)`);
	console.log('');
	console.log('OSVI credential:');
	console.log(`  Base URL:  ${sandbox.osviUrl}`);
	console.log(`  API Token: ${sandbox.osviToken}`);
	console.log('');
	console.log('Klen AI credential:');
	console.log(`  Base URL:  ${sandbox.klenUrl}`);
	console.log(`  API Key:   ${sandbox.klenKey}   (webhook signing secret: ${sandbox.klenSigningSecret})`);
	console.log('VoiceOS credential:');
	console.log(`  Base URL:  ${sandbox.voiceosUrl}`);
	console.log(`  Token:     ${sandbox.voiceosToken}`);
	console.log('UnleashX credential:');
	console.log(`  Base URL:  ${sandbox.unleashxUrl}`);
	console.log(`  Token:     ${sandbox.unleashxToken}`);
	console.log('');
	console.log('OSVI agents: agent_SandboxReminder01, agent_SandboxSurvey02 (agent_OtherAccount99 answers 403).');
	console.log('Call outcome by last digit of the number: 0 not picked, 8 failed, 9 busy, otherwise picked.');
	console.log(`Calls finish after ${callDurationMs} ms and POST their webhook_url. Ctrl-C stops.`);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
