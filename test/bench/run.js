#!/usr/bin/env node
'use strict';
// `npm run bench`: every benchmark, side by side, and docs/benchmarks.md written from the figures
// (report.js). The machine is shared: ratios are taken within one round (the variants compared run
// back to back), and every figure is shown as min / median / max. No assertions: tests assert
// behaviour, this measures. BENCH_RUNS (default 5) sets the rounds; BENCH_N8N_VERSIONS the n8n lines;
// BENCH_BASE=<commit> also runs the engine benchmarks on that commit's nodes, interleaved (before/after).
// BENCH_ONLY=waiting runs only section 4 (waiting executions, every pinned n8n) and replaces it in
// docs/benchmarks.md (BENCH_WAITING_EXECUTIONS, default 200; BENCH_WAITING_PAYLOAD_KB, default 20).
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { runTs } = require('../../tools/run-ts');
const { render } = require('./report');
const { jsonLines, say } = require('./output');
const { waiting, renderWaiting } = require('./waitingSection');

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const versions = (process.env.BENCH_N8N_VERSIONS ?? '1.123.81,2.41.1').split(',');

function engine(args, cwd = root) {
	const result = runTs('test/bench/engine.bench.ts', args, { cwd });
	if (result.status !== 0) throw new Error(`engine benchmark ${args.join(' ')} failed: ${result.stderr}`);
	return jsonLines(result.stdout)[0];
}

/**
 * The tree of an earlier commit with this commit's benchmarks and sandbox (neither is measured)
 * and this repository's node_modules: the engine benchmarks run the earlier nodes there.
 */
function baseTree(commit) {
	const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'voice-agents-bench-base-'));
	execFileSync('bash', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: root });
	for (const folder of ['test/bench', 'sandbox']) fs.cpSync(path.join(root, folder), path.join(dir, folder), { recursive: true });
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

/** BENCH_ONLY=waiting: runs section 4 alone and puts it in place of the one in docs/benchmarks.md. */
function onlyWaiting() {
	const file = path.join(root, 'docs', 'benchmarks.md');
	const report = fs.readFileSync(file, 'utf8');
	const start = report.indexOf('## 4. ');
	const end = start === -1 ? -1 : report.indexOf('\n## ', start + 1);
	const section = renderWaiting(waiting());
	const before = (start === -1 ? report : report.slice(0, start)).trimEnd();
	const after = end === -1 ? '' : `\n${report.slice(end + 1)}`;
	fs.writeFileSync(file, `${before}\n\n${section}${after}`);
	console.log(section);
}

/** Section 5: call safety under faults with Retry On Fail (test/bench/safety.bench.ts). */
function safety() {
	say('5. call safety: 1,000 calls, 10 % faults, Retry On Fail 3 tries, Continue On Fail on and off');
	const result = runTs('test/bench/safety.bench.ts', [], { cwd: root });
	if (result.status !== 0) throw new Error(`safety benchmark failed: ${result.stderr}`);
	return jsonLines(result.stdout);
}

function renderSafety(rows) {
	const line = (row) =>
		`| ${row.continueOnFail ? 'on' : 'off'} | ${row.dialledTwice} | ${row.numbersDialled} | ${row.outputItems} | ${row.stoppedWith ? `stopped; ${row.carriedOutReported} placed calls reported in the error` : 'no'} | ${row.seconds} s |`;
	return `## 5. Call safety under faults
\`node tools/run-ts.js test/bench/safety.bench.ts\`: 1,000 OSVI calls through n8n-core's real execution with node Settings →
Retry On Fail (3 tries) and 10 % faults on the call requests (half after the API acted: 500, reset; half before: 429,
503, reset). The figure that matters is \`dialledTwice\`: numbers the sandbox received more than once.

| Continue On Fail | numbers dialled twice | numbers dialled | output items | workflow stopped | time |
|---|---|---|---|---|---|
${rows.map(line).join('\n')}
`;
}

function main() {
	say('building the package…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	if (process.env.BENCH_ONLY === 'waiting') {
		onlyWaiting();
		return;
	}
	const figures = { runs, versions, cpu: [], calls: [], contacts: [], n8n: [], load: [] };

	say(`1. n8n-core in this process, the sandbox in its own: ${runs} rounds of CPU per item, 1,000 calls (authenticate as a function, and in n8n's generic form), 100,000 contacts`);
	const base = process.env.BENCH_BASE ? { commit: process.env.BENCH_BASE, dir: baseTree(process.env.BENCH_BASE) } : undefined;
	figures.base = base?.commit;
	for (let round = 0; round < runs; round++) {
		figures.cpu.push(engine(['cpu', '10000']));
		figures.calls.push({ round, ...engine(['calls', '16']) }, { round, ...engine(['calls', '16', 'generic']) });
		figures.contacts.push({ round, ...engine(['contacts', '100000']) });
		if (base) {
			figures.calls.push({ round, base: true, ...engine(['calls', '16'], base.dir) });
			figures.contacts.push({ round, base: true, ...engine(['contacts', '100000'], base.dir) });
		}
	}
	if (base) fs.rmSync(base.dir, { recursive: true, force: true });
	say('   where the CPU of 1,000 calls goes (V8 profiler)');
	figures.profile = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, 'profile.js')], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop());

	for (const version of versions) {
		say(`2. real n8n ${version}: our node, n8n's own nodes and the raw loop, ${runs} rounds (installs n8n on first use)`);
		const n8n = spawnSync(process.execPath, [path.join(__dirname, 'n8n.bench.js'), version, String(runs)], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
			maxBuffer: 64 * 1024 * 1024,
		});
		if (n8n.status !== 0) throw new Error(`n8n benchmark on ${version} failed`);
		figures.n8n.push(...jsonLines(n8n.stdout));
	}

	say(`3. cold require of the packed tarball × ${runs}, each file alone in a fresh process`);
	for (let round = 0; round < runs; round++) {
		figures.load.push(JSON.parse(execFileSync(process.execPath, [path.join(root, 'tools/package/load-check.js'), '--alone'], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()));
	}

	figures.waiting = waiting();
	figures.safety = safety();

	const report = `${render(figures)}\n${renderWaiting(figures.waiting)}\n${renderSafety(figures.safety)}`;
	fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
	fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), report);
	fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
	fs.writeFileSync(path.join(root, '.tmp', 'bench-figures.json'), JSON.stringify(figures, null, 1));
	console.log(report);
}

main();
