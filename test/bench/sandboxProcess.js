'use strict';
// The sandbox in a process of its own for the benchmarks: its work (routing, logging, the fake's
// state) is not counted in the measured process. Driven through its control routes.
const { spawn } = require('node:child_process');
const path = require('node:path');

const { credentialFor, platformNamed } = require('../../sandbox/registry');

const CLI = path.join(__dirname, '..', '..', 'sandbox', 'cli.js');

async function control(url, method, route, body) {
	const send = () =>
		fetch(`${url}${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	// A kept-alive connection the server closed meanwhile fails once ("other side closed"): send again.
	const response = await send().catch(send);
	if (!response.ok) throw new Error(`sandbox ${route}: ${response.status}`);
	return await response.json();
}

/** Starts `npm run sandbox`'s server on a free port; resolves once it listens. */
async function startSandboxProcess({ callDurationMs = 3_600_000 } = {}) {
	const child = spawn(process.execPath, [CLI], {
		env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_CALL_DURATION_MS: String(callDurationMs) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
	const url = await new Promise((resolve, reject) => {
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${output}`)));
	});
	child.stdout.resume();
	return {
		url,
		pid: child.pid,
		credential: (name) => credentialFor(platformNamed(name), url),
		/** Forgets requests, state and faults, then applies `faults`. */
		async reset(faults = {}) {
			await control(url, 'POST', '/_sandbox/reset', {});
			await control(url, 'POST', '/_sandbox/faults', faults);
		},
		/** Requests served, most in flight at once and connections opened since the last reset. */
		load: () => control(url, 'GET', '/_sandbox/load'),
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		},
	};
}

module.exports = { startSandboxProcess };
