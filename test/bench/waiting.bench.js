'use strict';
// In a real n8n (`n8n start`): the memory of n8n while N executions wait for their calls, with
// Wait for Result "Durable (Webhook)" and with "Polling". Each mode runs in a fresh n8n: N
// webhook requests each start an execution that places one call (the sandbox's calls do not end);
// once every execution waits, the live heap of n8n's main process (after a full garbage
// collection, through its inspector) and the resident memory of its processes are read, and the
// requests the sandbox receives meanwhile are counted. Prints one JSON line per mode.
//   node --experimental-websocket test/bench/waiting.bench.js <n8n version> [executions] [kB of data per execution]
// (Node 22+ has WebSocket without the flag.)
const fs = require('node:fs');

const { startSandbox } = require('../../sandbox');
const { N8nInstance } = require('../../tools/n8n');
const { freePort } = require('../../tools/n8n/env');
const { byId, webhookChain } = require('../e2e/workflows');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const SAMPLE_MS = 20_000;
const POLL_INTERVAL_S = 10;

/** Resident memory (kB) of a process and its children (2.x runs task runners as child processes). */
function treeRssKb(pid) {
	const read = (id) => {
		try {
			const rss = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
			const children = fs.readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
			return rss + children.reduce((sum, child) => sum + read(child), 0);
		} catch {
			return 0;
		}
	};
	return read(pid);
}

/**
 * The live V8 heap of n8n's main process, in MB: a full garbage collection first, then the heap in
 * use, through the process's inspector (Chrome DevTools Protocol on 127.0.0.1). Without the
 * collection, the heap in use counts garbage an idle process has not collected yet.
 */
async function liveHeapMb(inspectorPort) {
	const [target] = await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json();
	const socket = new WebSocket(target.webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		socket.onopen = resolve;
		socket.onerror = reject;
	});
	let next = 0;
	const pending = new Map();
	socket.onmessage = ({ data }) => {
		const message = JSON.parse(data);
		pending.get(message.id)?.(message.result);
	};
	const send = (method) =>
		new Promise((resolve) => {
			next += 1;
			pending.set(next, resolve);
			socket.send(JSON.stringify({ id: next, method }));
		});
	await send('HeapProfiler.collectGarbage');
	await send('HeapProfiler.collectGarbage');
	const { usedSize } = await send('Runtime.getHeapUsage');
	socket.close();
	return usedSize / 2 ** 20;
}

/** The live heap of the main process, and the resident memory of n8n's processes right after. */
async function memory(n8n, inspectorPort) {
	const heapMb = await liveHeapMb(inspectorPort);
	return { heapMb, rssMb: treeRssKb(n8n.pid) / 1024 };
}

async function measure(version, mode, count, payloadKb) {
	const sandbox = await startSandbox({ callDurationMs: 3_600_000 });
	const n8n = await N8nInstance.create(version);
	const wait = mode === 'durable' ? { waitForResult: 'durable', waitTimeLimit: 120 } : { waitForResult: 'polling', waitTimeLimit: 120, pollInterval: POLL_INTERVAL_S };
	const workflow = webhookChain('benchWaiting00001', 'bench-waiting', [
		{
			name: 'Call',
			type: 'osvi',
			parameters: { resource: 'call', operation: 'initiate', agent: byId('agent_SandboxReminder01'), phoneNumber: '={{ $json.body.phone }}', country: 'IN', ...wait },
		},
	]);
	try {
		await n8n.importCredentials([sandbox.credential('osvi')]);
		await n8n.importWorkflows([workflow]);
		await n8n.activate(workflow.id);
		// The main process only (n8n's task runners get their own environment).
		const inspectorPort = await freePort();
		n8n.env.NODE_OPTIONS = `--inspect=127.0.0.1:${inspectorPort}`;
		await n8n.start();
		await n8n.waitForWebhook('bench-waiting');
		await sleep(5_000);
		const idle = await memory(n8n, inspectorPort);

		const phones = Array.from({ length: count }, (_, index) => `98765${String(10000 + index * 10 + 1).slice(-5)}`);
		const started = Date.now();
		for (const phone of phones) {
			// The CRM record that started the call, with `payloadKb` of notes: the data the execution carries.
			const body = { phone, notes: 'n'.repeat(payloadKb * 1024) };
			await fetch(`${n8n.url}/webhook/bench-waiting`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		}
		while (sandbox.osvi.calls.length < count && Date.now() - started < 300_000) await sleep(500);
		const ids = sandbox.osvi.calls.map((call) => call.request.webhook_url && new URL(call.request.webhook_url).pathname.split('/')[2]);
		// Durable: every execution is stored as waiting; Polling: every one is running, in memory.
		if (mode === 'durable') for (const id of ids) await n8n.waitForStatus(id, 'waiting', 120_000, { includeData: false });
		const placedInMs = Date.now() - started;
		await sleep(5_000);
		const before = sandbox.requests.length;
		await sleep(SAMPLE_MS);
		const requestsPerMinute = ((sandbox.requests.length - before) * 60_000) / SAMPLE_MS;
		const waiting = await memory(n8n, inspectorPort);
		// Durable: the executions are in n8n's database; a restart keeps them waiting and holds none of them in memory.
		let afterRestart;
		if (mode === 'durable') {
			await n8n.restart();
			await sleep(5_000);
			const stillWaiting = await n8n.waitForStatus(ids[0], 'waiting', 60_000, { includeData: false });
			afterRestart = { ...(await memory(n8n, inspectorPort)), firstStillWaiting: stillWaiting.status === 'waiting' };
		}
		return {
			bench: 'waiting',
			version,
			mode,
			executions: count,
			callsPlaced: sandbox.osvi.calls.length,
			placedInMs,
			idleRssMb: idle.rssMb,
			waitingRssMb: waiting.rssMb,
			idleHeapMb: idle.heapMb,
			waitingHeapMb: waiting.heapMb,
			heapPerExecutionKb: ((waiting.heapMb - idle.heapMb) * 1024) / count,
			payloadKb,
			afterRestartHeapMb: afterRestart?.heapMb ?? null,
			afterRestartRssMb: afterRestart?.rssMb ?? null,
			afterRestartStillWaiting: afterRestart?.firstStillWaiting ?? null,
			requestsPerMinute,
			pollIntervalSeconds: mode === 'polling' ? POLL_INTERVAL_S : null,
		};
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
}

async function main() {
	const version = process.argv[2] ?? '1.123.81';
	const count = Number(process.argv[3] ?? 200);
	const payloadKb = Number(process.argv[4] ?? 0);
	for (const mode of ['durable', 'polling']) console.log(JSON.stringify(await measure(version, mode, count, payloadKb)));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
