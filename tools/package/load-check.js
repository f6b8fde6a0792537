// Installs the packed tarball the way n8n's community-package installer lays it out
// (<folder>/node_modules/<name>/) next to nothing but n8n-workflow, then, in a fresh Node process,
// requires every file the "n8n" section lists and times it; then each file again alone, in a fresh
// process of its own (after n8n-workflow, which n8n has loaded by then): what one node costs n8n's
// start-up however the files are ordered. Prints one JSON line.
// Usage: node tools/package/load-check.js [--phone]   (--phone also times the first phone-number check)
const { execFileSync } = require('node:child_process');
const { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { packAndUnpack } = require('./pack');

const root = path.join(__dirname, '..', '..');

function main() {
	const { dir, tarball, cleanup } = packAndUnpack();
	const install = mkdtempSync(path.join(os.tmpdir(), 'voice-agents-load-'));
	try {
		const modules = path.join(install, 'node_modules');
		mkdirSync(modules);
		cpSync(dir, path.join(modules, 'n8n-nodes-voice-agents'), { recursive: true });
		// n8n provides n8n-workflow to community packages; nothing else is resolvable.
		symlinkSync(path.join(root, 'node_modules', 'n8n-workflow'), path.join(modules, 'n8n-workflow'), 'dir');
		const probe = path.join(install, 'probe.js');
		writeFileSync(
			probe,
			`
const path = require('node:path');
const pkgDir = path.join(__dirname, 'node_modules', 'n8n-nodes-voice-agents');
const pkg = require(path.join(pkgDir, 'package.json'));
const start = process.hrtime.bigint();
require('n8n-workflow');
const afterWorkflow = process.hrtime.bigint();
const files = {};
const only = process.argv.includes('--only') ? [process.argv[process.argv.indexOf('--only') + 1]] : undefined;
for (const file of only ?? [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	const t = process.hrtime.bigint();
	const cpu = process.cpuUsage();
	const exported = require(path.join(pkgDir, file));
	// As n8n's loader does: the class named like the file (Osvi.node.js → Osvi).
	const [name] = path.basename(file).split('.');
	const instance = new exported[name]();
	const used = process.cpuUsage(cpu);
	// CPU time too: on a busy machine the wall time also counts other processes' turns.
	files[file] = { ms: Number(process.hrtime.bigint() - t) / 1e6, cpuMs: (used.user + used.system) / 1000, class: name, name: instance.description?.name ?? instance.name };
}
const result = {
	n8nWorkflowMs: Number(afterWorkflow - start) / 1e6,
	packageMs: Number(process.hrtime.bigint() - afterWorkflow) / 1e6,
	files,
	phoneMetadataLoaded: Object.keys(require.cache).some((file) => file.endsWith(path.join('vendor', 'phone.js'))),
	dependencies: pkg.dependencies ?? null,
};
if (process.argv.includes('--phone')) {
	const t = process.hrtime.bigint();
	const { checkPhoneNumber } = require(path.join(pkgDir, 'dist/nodes/shared/parameters/phone.js'));
	result.firstPhoneCheck = checkPhoneNumber('+91 98765-43210').phone?.e164 ?? null;
	result.firstPhoneCheckMs = Number(process.hrtime.bigint() - t) / 1e6;
}
console.log(JSON.stringify(result));
`,
		);
		const probeRun = (args) => {
			const output = execFileSync(process.execPath, [probe, ...args], { cwd: install, encoding: 'utf8', env: { PATH: process.env.PATH } });
			return JSON.parse(output.trim().split('\n').pop());
		};
		const result = probeRun(process.argv.includes('--phone') ? ['--phone'] : []);
		result.alone = Object.fromEntries(Object.keys(result.files).map((file) => [file, probeRun(['--only', file]).files[file]]));
		result.tarball = path.basename(tarball);
		result.tarballBytes = require('node:fs').statSync(tarball).size;
		console.log(JSON.stringify(result));
	} finally {
		rmSync(install, { recursive: true, force: true });
		cleanup();
	}
}

main();
