#!/usr/bin/env node
'use strict';
// `npm run bench`: runs every benchmark several times, prints the figures and writes
// docs/benchmarks.md with the machine, the commands and the medians. No assertions: tests assert
// behaviour, this measures. BENCH_RUNS (default 3) sets the runs; BENCH_N8N_VERSION the n8n.
// BENCH_ONLY=waiting runs only section 6 (waiting executions, every pinned n8n) and replaces it in
// docs/benchmarks.md (BENCH_WAITING_EXECUTIONS, default 200; BENCH_WAITING_PAYLOAD_KB, default 20).
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { runTs } = require('../../tools/run-ts');

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const n8nVersion = process.env.BENCH_N8N_VERSION ?? '1.123.81';
const say = (text) => console.log(`[bench] ${text}`);

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));

function jsonLines(text) {
	return text
		.split('\n')
		.filter((line) => line.startsWith('{"bench"'))
		.map((line) => JSON.parse(line));
}

function engine(args) {
	const result = runTs('test/bench/engine.bench.ts', args);
	if (result.status !== 0) throw new Error(`engine benchmark ${args.join(' ')} failed: ${result.stderr}`);
	return jsonLines(result.stdout)[0];
}

/** 6: n8n's memory with executions waiting durably vs polling, on every pinned n8n (one run each: minutes). */
function waiting() {
	const { versions } = require('../../tools/n8n');
	const count = process.env.BENCH_WAITING_EXECUTIONS ?? '200';
	const payloadKb = process.env.BENCH_WAITING_PAYLOAD_KB ?? '20';
	// Node 22+ has WebSocket (the benchmark reads n8n's heap through its inspector); Node 20 behind a flag.
	const flags = typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [];
	return versions.flatMap(({ version }) => {
		say(`6. real n8n ${version}: ${count} executions waiting durably, then polling (installs n8n on first use)`);
		const run = spawnSync(process.execPath, [...flags, path.join(root, 'test/bench/waiting.bench.js'), version, count, payloadKb], { cwd: root, encoding: 'utf8' });
		if (run.status !== 0) throw new Error(`waiting benchmark failed: ${run.stderr.slice(-2000)}`);
		return jsonLines(run.stdout);
	});
}

function renderWaiting(rows) {
	const [first] = rows;
	const row = (version, mode) => rows.find((entry) => entry.version === version && entry.mode === mode);
	const versions = [...new Set(rows.map((entry) => entry.version))];
	const line = (version) => {
		const durable = row(version, 'durable');
		const polling = row(version, 'polling');
		return [
			`| ${version} | Durable | ${round(durable.waitingHeapMb - durable.idleHeapMb)} MB (${round(durable.heapPerExecutionKb, 0)} kB each) | ${round(durable.waitingRssMb)} MB | ${durable.requestsPerMinute} | ${round(durable.afterRestartHeapMb - durable.idleHeapMb)} MB; ${durable.afterRestartStillWaiting ? 'still waiting' : 'NOT waiting'} |`,
			`| ${version} | Polling | ${round(polling.waitingHeapMb - polling.idleHeapMb)} MB (${round(polling.heapPerExecutionKb, 0)} kB each) | ${round(polling.waitingRssMb)} MB | ${polling.requestsPerMinute} | not measured |`,
		].join('\n');
	};
	return `## 6. Waiting for the result: ${first.executions} executions waiting durably vs polling, in a real n8n
\`node --experimental-websocket test/bench/waiting.bench.js <version> ${first.executions} ${first.payloadKb}\` (Node 22+: no flag), on each
pinned n8n, one run per mode in a fresh n8n (\`n8n start\`): ${first.executions} webhook requests, each with a CRM record carrying
${first.payloadKb} kB of data, start ${first.executions} executions that each place one OSVI call (the sandbox's calls do not end), with
Wait for Result *Durable (Webhook)* or *Polling* (every ${rows.find((entry) => entry.mode === 'polling').pollIntervalSeconds} s). Once all wait: the **live heap** of n8n's main process
(after a full garbage collection, read through its inspector) above what it was idle, the resident memory of n8n's
processes (main and task runners), and the requests the platform receives per minute while the calls run. Then, for
Durable, n8n is restarted: the live heap above idle again, and whether the first execution is still waiting.

| n8n | mode | live heap held | resident memory | API requests / min | after a restart |
|---|---|---|---|---|---|
${versions.map(line).join('\n')}

Durable's live heap before the restart is the record n8n keeps of each waiting execution (with its data) in the
process that ran it, until it resumes or n8n restarts (docs/waiting.md); the restart frees it and the executions keep
waiting in the database. Under Polling on 2.x the resident memory grows by about 10 MB per running execution outside the
main heap (not identified further here); Polling also reads every running call every interval.
`;
}

/** BENCH_ONLY=waiting: runs section 6 alone and puts it in place of the one in docs/benchmarks.md. */
function onlyWaiting() {
	const file = path.join(root, 'docs', 'benchmarks.md');
	const report = fs.readFileSync(file, 'utf8');
	const start = report.indexOf('## 6. ');
	const section = renderWaiting(waiting());
	fs.writeFileSync(file, `${(start === -1 ? report : report.slice(0, start)).trimEnd()}\n\n${section}`);
	console.log(section);
}

function main() {
	if (process.env.BENCH_ONLY === 'waiting') {
		say('building the package…');
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		onlyWaiting();
		return;
	}
	say('building the package…');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const figures = {};

	say(`1. CPU per item, 10,000 items × ${runs}`);
	figures.cpu = Array.from({ length: runs }, () => engine(['cpu', '10000']));
	say(`   median ${round(median(figures.cpu.map((r) => r.microsecondsPerItem)))} µs/item`);

	figures.calls = {};
	for (const concurrency of [1, 4, 16]) {
		say(`2. 1,000 calls, 50 ms latency, concurrency ${concurrency} × ${runs}`);
		figures.calls[concurrency] = Array.from({ length: runs }, () => engine(['calls', String(concurrency)]));
		say(`   median ${round(median(figures.calls[concurrency].map((r) => r.wallMs)) / 1000, 2)} s`);
	}

	say(`3. 100,000 contacts × ${runs}`);
	figures.contacts = Array.from({ length: runs }, () => engine(['contacts', '100000']));
	say(`   median ${round(median(figures.contacts.map((r) => r.wallMs)) / 1000, 2)} s, ${figures.contacts[0].requests} requests`);

	say(`4. real n8n ${n8nVersion}: OSVI node vs HTTP Request node × ${runs} (installs n8n on first use)`);
	const n8n = spawnSync(process.execPath, [path.join(root, 'test/bench/n8n.bench.js'), n8nVersion, String(runs)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (n8n.status !== 0) throw new Error(`n8n benchmark failed: ${n8n.stderr.slice(-2000)}`);
	figures.n8n = jsonLines(n8n.stdout);

	say(`5. cold require of the packed tarball × 5`);
	figures.load = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, [path.join(root, 'tools/package/load-check.js')], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()));

	figures.waiting = waiting();

	const report = `${render(figures)}\n${renderWaiting(figures.waiting)}`;
	fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
	fs.writeFileSync(path.join(root, 'docs', 'benchmarks.md'), report);
	console.log(report);
}

function render(figures) {
	const cpu = os.cpus();
	const byWorkflow = (id, field) => median(figures.n8n.filter((r) => r.workflow === id).map((r) => r[field]));
	const n8nRow = (label, ours, ours16, http, unit, field, digits) => {
		const a = byWorkflow(ours, field);
		const b = byWorkflow(http, field);
		const c = ours16 ? `${round(byWorkflow(ours16, field) / unit, digits)}` : '–';
		return `| ${label} | ${round(a / unit, digits)} | ${c} | ${round(b / unit, digits)} | ${round(b / a, 2)}× |`;
	};
	const requestsOf = (id) => figures.n8n.find((r) => r.workflow === id)?.requests;
	const load = figures.load;
	const fileMs = (file) => round(median(load.map((r) => r.files[file].ms)), 1);
	const files = Object.keys(load[0].files);
	return `# Benchmarks

Written by \`npm run bench\` (test/bench/run.js) on ${new Date().toISOString().slice(0, 10)}. Figures are medians of
${runs} runs (5 for start-up). Benchmarks measure; the tests assert behaviour.

Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${round(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.

## 1. CPU cost of Initiate Call's validation and phone normalisation
\`node tools/run-ts.js test/bench/engine.bench.ts cpu 10000\` — 10,000 items in four CRM phone formats, every
optional field set; parameters as n8n hands them over (n8n's expression engine not included), no I/O.

| items | median total | median per item |
|---|---|---|
| 10,000 | ${round(median(figures.cpu.map((r) => r.totalMs)))} ms | ${round(median(figures.cpu.map((r) => r.microsecondsPerItem)))} µs |

## 2. 1,000 calls through n8n-core against a sandbox with 50 ms latency
\`node tools/run-ts.js test/bench/engine.bench.ts calls <concurrency>\` — Initiate Call, real \`WorkflowExecute\`
and request helpers, sandbox on 127.0.0.1 answering each request after 50 ms.

| concurrency | wall time | requests/s |
|---|---|---|
${[1, 4, 16].map((c) => `| ${c} | ${round(median(figures.calls[c].map((r) => r.wallMs)) / 1000, 2)} s | ${round(median(figures.calls[c].map((r) => r.requestsPerSecond)), 1)} |`).join('\n')}

## 3. 100,000 contacts through Add Campaign Contacts
\`node tools/run-ts.js test/bench/engine.bench.ts contacts 100000\`

| contacts | requests | wall time |
|---|---|---|
| 100,000 | ${figures.contacts[0].requests} | ${round(median(figures.contacts.map((r) => r.wallMs)) / 1000, 2)} s |

## 4. In a real n8n ${n8nVersion}: our node vs n8n's HTTP Request node, item by item
\`node test/bench/n8n.bench.js ${n8nVersion} ${runs}\` — one \`n8n execute\` per workflow (Manual Trigger → rows →
Split Out → the node), sandbox latency ${figures.n8n[0]?.latencyMs} ms per request; wall time of the whole \`n8n execute\`
process (≈ 2–3 s of it is n8n starting) and its peak resident memory (VmHWM). Our node runs with its default
Concurrency 4, and with 16; n8n's HTTP Request node starts every item's request at once and awaits them together
(no limit, no retries, no validation). Ratios are HTTP Request ÷ OSVI node at its default.

| work | OSVI node (default) | OSVI node (Concurrency 16) | HTTP Request | ratio |
|---|---|---|---|---|
${n8nRow('1,000 calls: wall time (s)', 'benchOursCalls001', 'benchOurs16Calls1', 'benchHttpCalls001', 1000, 'wallMs', 2)}
${n8nRow('1,000 calls: peak memory (MB)', 'benchOursCalls001', 'benchOurs16Calls1', 'benchHttpCalls001', 1, 'peakRssMb', 0)}
${n8nRow('10,000 contacts: wall time (s)', 'benchOursContact1', undefined, 'benchHttpContact1', 1000, 'wallMs', 2)}
${n8nRow('10,000 contacts: peak memory (MB)', 'benchOursContact1', undefined, 'benchHttpContact1', 1, 'peakRssMb', 0)}

Requests sent: calls ${requestsOf('benchOursCalls001')} vs ${requestsOf('benchHttpCalls001')}; contacts ${requestsOf('benchOursContact1')} vs ${requestsOf('benchHttpContact1')}.

## 5. Start-up: cold require of the packed tarball
\`node tools/package/load-check.js\` — the tarball unpacked beside only n8n-workflow, each listed file required in a fresh process.

| file | require time |
|---|---|
${files.map((file) => `| ${file} | ${fileMs(file)} ms |`).join('\n')}

Tarball \`${load[0].tarball}\`: ${round(load[0].tarballBytes / 1024, 1)} kB. Phone metadata is not loaded at start-up (loaded: ${load[0].phoneMetadataLoaded}).
`;
}

main();
