// Installs the packed tarball the way n8n's community-package installer lays it out
// (<folder>/node_modules/<name>/) next to nothing but n8n-workflow, then, in a fresh Node process,
// requires every file the "n8n" section lists and times it; then each file again alone, in a fresh
// process of its own (after n8n-workflow, which n8n has loaded by then): what one node costs n8n's
// start-up however the files are ordered. Prints one JSON line.
// Usage: node tools/package/load-check.js [--phone] [--alone]   (--alone: each file alone too; --phone also times the first phone-number check,
// then the first Calling Hours check, which loads the phone-number time-zone table)
//        node tools/package/load-check.js --runs 15   (15 fresh processes: medians per file, wall and CPU time;
//        with --alone, each file alone in 15 fresh processes of its own too)
const { execFileSync } = require('node:child_process');
const { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { packAndUnpack } = require('./pack');

const root = path.join(__dirname, '..', '..');

/** Median wall and CPU time of each file over several runs (this machine is shared: one run is noise). */
function medians(results) {
	const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
	const round = (value) => Math.round(value * 10) / 10;
	return Object.fromEntries(
		Object.keys(results[0].files).map((file) => [
			file,
			{ ms: round(median(results.map((run) => run.files[file].ms))), cpuMs: round(median(results.map((run) => run.files[file].cpuMs))) },
		]),
	);
}

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
const loaded = (vendorFile) => Object.keys(require.cache).some((file) => file.endsWith(path.join('vendor', vendorFile)));
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
	// CPU time too: on a busy machine the wall time also counts other processes' turns.
	const cpuUsed = process.cpuUsage(cpu);
	files[file] = {
		ms: Number(process.hrtime.bigint() - t) / 1e6,
		cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
		class: name,
		name: instance.description?.name ?? instance.name,
	};
}
const result = {
	n8nWorkflowMs: Number(afterWorkflow - start) / 1e6,
	packageMs: Number(process.hrtime.bigint() - afterWorkflow) / 1e6,
	files,
	phoneMetadataLoaded: loaded('phone.js'),
	timeZoneDataLoaded: loaded('phoneTimeZones.json'),
	dependencies: pkg.dependencies ?? null,
};
if (process.argv.includes('--phone')) {
	const t = process.hrtime.bigint();
	const { checkPhoneNumber } = require(path.join(pkgDir, 'dist/nodes/shared/parameters/phone.js'));
	result.firstPhoneCheck = checkPhoneNumber('+91 98765-43210').phone?.e164 ?? null;
	result.firstPhoneCheckMs = Number(process.hrtime.bigint() - t) / 1e6;
	result.timeZoneDataLoadedAfterPhoneCheck = loaded('phoneTimeZones.json');
	const phone = checkPhoneNumber('+1 212 555 0100').phone;
	const hours = { window: { label: 'TCPA', ranges: [{ start: 480, end: 1260 }], days: [1, 2, 3, 4, 5, 6, 7] } };
	const th = process.hrtime.bigint();
	const { outsideCallingHours } = require(path.join(pkgDir, 'dist/nodes/shared/calling/callingHours.js'));
	const verdict = outsideCallingHours(phone, hours, Date.parse('2026-03-10T10:00:00Z'));
	result.firstCallingHoursCheckMs = Number(process.hrtime.bigint() - th) / 1e6;
	result.firstCallingHoursCheck = verdict ? verdict.time_zone + ' ' + verdict.local_time : 'inside';
	result.timeZoneDataLoadedAfterCallingHours = loaded('phoneTimeZones.json');
}
console.log(JSON.stringify(result));
`,
		);
		const probeRun = (args) => {
			const output = execFileSync(process.execPath, [probe, ...args], { cwd: install, encoding: 'utf8', env: { PATH: process.env.PATH } });
			return JSON.parse(output.trim().split('\n').pop());
		};
		const runsAt = process.argv.indexOf('--runs');
		const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 1;
		const results = Array.from({ length: runs }, () => probeRun(process.argv.includes('--phone') ? ['--phone'] : []));
		const result = results.at(-1);
		if (runs > 1) result.medians = medians(results);
		// Alone: each file in `runs` fresh processes of its own, medians (one process is noise here too).
		if (process.argv.includes('--alone')) {
			result.alone = Object.fromEntries(
				Object.keys(result.files).map((file) => [file, medians(Array.from({ length: runs }, () => probeRun(['--only', file])))[file]]),
			);
		}
		result.tarball = path.basename(tarball);
		result.tarballBytes = require('node:fs').statSync(tarball).size;
		console.log(JSON.stringify(result));
	} finally {
		rmSync(install, { recursive: true, force: true });
		cleanup();
	}
}

main();
