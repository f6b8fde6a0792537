'use strict';
// Where the CPU of 1,000 calls goes: the engine benchmark (`calls 16`) under V8's sampling profiler,
// its samples summed by whose code ran: this package (its nodes and the libraries bundled into it,
// zod and libphonenumber-js), n8n (n8n-core, n8n-workflow and everything they load: axios,
// follow-redirects, the expression engine…), Node's own (sockets, HTTP, native functions), the
// benchmark's harness, and loading TypeScript. Prints one JSON line, milliseconds per owner.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

function ownerOf(url) {
	const file = url.replace(/^file:\/\//, '');
	if (/node_modules\/(esbuild|source-map-support)\//.test(file) || file.includes('tools/ts-register')) return 'loading TypeScript';
	if (/node_modules\/(libphonenumber-js|zod)\//.test(file)) return 'package';
	if (file.includes('node_modules/')) return 'n8n';
	if (file.startsWith(path.join(root, 'nodes'))) return 'package';
	if (file.startsWith(root)) return 'harness';
	return 'node';
}

function main() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voice-agents-profile-'));
	try {
		const args = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--require', path.join(root, 'tools', 'ts-register.js'), 'test/bench/engine.bench.ts', 'calls', '16'];
		const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`profiled run failed: ${result.stderr}`);
		const profile = JSON.parse(fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]), 'utf8'));
		const selfMs = new Map();
		profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
		const owners = {};
		for (const node of profile.nodes) {
			const { url, functionName } = node.callFrame;
			// Samples outside JavaScript: waiting (idle), the garbage collector, the program itself.
			if (!url && ['(idle)', '(program)', '(garbage collector)'].includes(functionName)) continue;
			const owner = url ? ownerOf(url) : 'node';
			owners[owner] = (owners[owner] ?? 0) + (selfMs.get(node.id) ?? 0);
		}
		console.log(JSON.stringify({ bench: 'profile', ...owners }));
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

main();
