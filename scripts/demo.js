#!/usr/bin/env node
'use strict';
// `npm run demo`, the main job: builds the package, starts the sandbox and a real n8n (installed
// into a cache on first use) with the package, the sandbox credentials and the example workflows,
// runs the CRM-triggered example once and prints what happened, then keeps running until Ctrl-C.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { startSandbox } = require('../sandbox');
const { configureSandboxForExamples, loadExamples, triggeredExamples, webhookPaths } = require('../tools/examples');
const { CACHE, N8nInstance } = require('../tools/n8n');

const root = path.join(__dirname, '..');
const VERSION = process.env.DEMO_N8N_VERSION || '1.123.81';
const N8N_PORT = Number(process.env.DEMO_N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT || 5680);
const say = (text) => console.log(`[demo] ${text}`);

async function main() {
	say('building the package…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

	const sandbox = await startSandbox({ port: SANDBOX_PORT, callDurationMs: Number(process.env.SANDBOX_CALL_DURATION_MS || 3000) });
	say(`sandbox on ${sandbox.url}`);

	// One user folder kept between runs, so a second run starts in seconds.
	const userFolder = path.join(CACHE, `demo-${VERSION}`);
	fs.mkdirSync(userFolder, { recursive: true });
	const n8n = await N8nInstance.create(VERSION, { userFolder, port: N8N_PORT });
	const examples = loadExamples(n8n.url, sandbox.url);
	await n8n.importCredentials([...sandbox.credentials({ standIns: true }), ...sandbox.triggerCredentials()]);
	await n8n.importWorkflows(examples);
	for (const workflow of triggeredExamples(examples)) await n8n.activate(workflow.id);
	configureSandboxForExamples(sandbox, n8n.url);

	let stopping = false;
	const stop = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		say('stopping n8n and the sandbox…');
		await n8n.stop();
		await sandbox.close();
		process.exit(code);
	};
	process.on('SIGINT', () => stop(0));
	process.on('SIGTERM', () => stop(0));
	try {
		await showTheExample(n8n, sandbox);
	} catch (error) {
		console.error(error);
		await stop(1);
	}
}

async function showTheExample(n8n, sandbox) {
	say(`starting n8n ${VERSION} on ${n8n.url}…`);
	await n8n.start();
	for (const webhookPath of webhookPaths(loadExamples(n8n.url))) await n8n.waitForWebhook(webhookPath);
	const login = await n8n.ensureOwner();

	const record = { id: 'crm-1042', name: 'Asha Rao', phone: '+91 98765-43211', country: 'IN', appointment_date: '2026-11-24 10:00', owner: 'Ravi' };
	const since = Date.now();
	say(`a CRM record changes: POST ${n8n.url}/webhook/crm-contact-changed ${JSON.stringify(record)}`);
	const answer = await fetch(`${n8n.url}/webhook/crm-contact-changed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(record),
	});
	say(`n8n answered ${answer.status}`);
	const callRun = await n8n.waitForExecution('exCrmTriggeredCall', since);
	const placed = callRun.data.resultData.runData['Call the Customer'][0].data.main[0][0].json;
	say(`OSVI Initiate Call placed call ${placed.call_id} to ${placed.phone_number} (${placed.person_name})`);
	say('the sandbox plays the call out and posts its result to the OSVI Trigger…');
	const resultRun = await n8n.waitForExecution('exCallResultFollowUp', since, 60000);
	const event = resultRun.data.resultData.runData['Call Completed'][0].data.main[0][0].json;
	say(`OSVI Trigger fired: call ${event.call_id} ${event.status}, extracted ${JSON.stringify(event.body.data_capture ?? {})}`);
	const transcript = resultRun.data.resultData.runData.Transcript?.[0]?.data.main[0][0].json.transcript ?? [];
	for (const turn of transcript) say(`   ${turn.role}: ${turn.content}`);
	console.log('');
	say(`editor: ${n8n.url}  (login ${login.email} / ${login.password})`);
	say(`sandbox credential: Base URL ${sandbox.osviUrl}, API token ${sandbox.osviToken}`);
	const credentials = [...sandbox.credentials({ standIns: true }), ...sandbox.triggerCredentials()].map((credential) => credential.name);
	say(`every example workflow is imported, with the sandbox credentials ${credentials.join(', ')}:`);
	say('open them in the editor: each says on a sticky note how to try it (most with one click on Execute workflow).');
	say('Settings → Community Nodes lists the package as installed. Ctrl-C stops everything.');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
