#!/usr/bin/env node
'use strict';
// `npm run sandbox`: the fakes alone, for trying the nodes in your own n8n. Prints every fake's
// credential as n8n asks for it, and what each fake says about itself.
const { startSandbox } = require('./index');
const { platforms } = require('./registry');

const port = Number(process.env.SANDBOX_PORT ?? 5680);
const callDurationMs = Number(process.env.SANDBOX_CALL_DURATION_MS ?? 5000);

startSandbox({ port, callDurationMs }).then((sandbox) => {
	console.log(`Voice-agent sandbox listening on ${sandbox.url} (127.0.0.1 only)`);
	for (const platform of platforms) {
		const { type, data } = sandbox.credential(platform.name);
		const labels = Object.entries(data).map(([key, value]) => [`${platform.credential.labels?.[key] ?? key}:`, value]);
		const trigger = sandbox.triggerCredential(platform.name);
		const triggerLabels = Object.entries(trigger?.data ?? {}).map(([key, value]) => [`${platform.triggerCredential.labels?.[key] ?? key}:`, value]);
		const width = Math.max(...[...labels, ...triggerLabels].map(([label]) => label.length));
		console.log('');
		console.log(`${platform.title} credential (${type}):`);
		for (const [label, value] of labels) console.log(`  ${label.padEnd(width)} ${value}`);
		if (trigger) console.log(`${platform.title} trigger credential (${trigger.type}):`);
		for (const [label, value] of triggerLabels) console.log(`  ${label.padEnd(width)} ${value}`);
		for (const note of platform.notes({ callDurationMs })) console.log(`  ${note}`);
	}
	console.log('');
	console.log('Ctrl-C stops.');
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
