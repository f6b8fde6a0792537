'use strict';
// Section 4 of the benchmarks: n8n's memory with executions waiting durably vs polling, on every
// pinned n8n (one run each: minutes). Run alone with BENCH_ONLY=waiting npm run bench.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const { jsonLines, say } = require('./output');

const root = path.join(__dirname, '..', '..');
const round = (value, digits = 1) => Number(value.toFixed(digits));

/** 4: n8n's memory with executions waiting durably vs polling, on every pinned n8n (one run each: minutes). */
function waiting() {
	const { versions } = require('../../tools/n8n');
	const count = process.env.BENCH_WAITING_EXECUTIONS ?? '200';
	const payloadKb = process.env.BENCH_WAITING_PAYLOAD_KB ?? '20';
	// Node 22+ has WebSocket (the benchmark reads n8n's heap through its inspector); Node 20 behind a flag.
	const flags = typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [];
	return versions.flatMap(({ version }) => {
		say(`4. real n8n ${version}: ${count} executions waiting durably, then polling (installs n8n on first use)`);
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
	return `## 4. Waiting for the result: ${first.executions} executions waiting durably vs polling, in a real n8n
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

module.exports = { waiting, renderWaiting };
