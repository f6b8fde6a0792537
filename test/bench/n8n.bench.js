'use strict';
// In a real, running n8n (`n8n start`, warm, as in production): our OSVI node, a user's best effort
// with n8n's own nodes, and the raw loop (the limit), measured side by side in rounds, each round
// running every variant once (in an order that rotates), so ratios are taken within one round.
// The sandbox runs in a process of its own; the raw loop too. Prints one JSON line per measurement.
// Usage: node test/bench/n8n.bench.js <n8n version> <rounds>
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const { N8nInstance } = require('../../tools/n8n');
const { startSandboxProcess } = require('./sandboxProcess');
const { benchWorkflows, headerAuthCredential } = require('./workflows');

const settings = {
	calls: Number(process.env.BENCH_CALLS ?? 1000),
	contacts: Number(process.env.BENCH_CONTACTS ?? 10000),
	concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
	latencyMs: Number(process.env.BENCH_LATENCY_MS ?? 50),
};
// The HTTP Request node's batching, set as a user would to keep about `concurrency` requests in flight.
settings.batchIntervalMs = settings.latencyMs;
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;

function rawLoop(sandbox, token) {
	const script = path.join(__dirname, 'rawLoop.js');
	const result = spawnSync(process.execPath, [script, sandbox.url, token, String(settings.calls), String(settings.concurrency)], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`raw loop failed: ${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').pop());
}

async function runVariant(n8n, variant) {
	const { workflow, measured } = variant;
	const since = Date.now();
	const started = process.hrtime.bigint();
	const post = () => fetch(`${n8n.url}/webhook/${workflow.id}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	// A kept-alive connection n8n closed meanwhile fails at once, before anything ran: send again.
	const response = await post().catch(post);
	const webhookMs = Number(process.hrtime.bigint() - started) / 1e6;
	await response.text();
	const execution = await n8n.waitForExecution(workflow.id, since - 1000, 600000);
	const runData = execution.data.resultData.runData;
	const nodeMs = measured.reduce((sum, name) => sum + (runData[name]?.[0]?.executionTime ?? Number.NaN), 0);
	const last = runData[measured[measured.length - 1]]?.[0];
	return { status: execution.status, items: last?.data?.main?.[0]?.length ?? 0, error: last?.error?.message, nodeMs, webhookMs };
}

async function main() {
	const version = process.argv[2] ?? '1.123.81';
	const rounds = Number(process.argv[3] ?? 3);
	const sandbox = await startSandboxProcess();
	const n8n = await N8nInstance.create(version);
	try {
		const osvi = sandbox.credential('osvi');
		const variants = benchWorkflows(sandbox.url, osvi, settings);
		const names = Object.keys(variants).filter((name) => !only || only.includes(name));
		await n8n.importCredentials([osvi, headerAuthCredential(osvi.data.apiToken)]);
		await n8n.importWorkflows(names.map((name) => variants[name].workflow));
		for (const name of names) await n8n.activate(variants[name].workflow.id);
		await n8n.start();
		for (const name of names) await n8n.waitForWebhook(variants[name].workflow.id);
		await n8n.ensureOwner();
		const order = [...names, 'raw'];
		// Round 0 warms n8n up (its first runs load code and compile) and is not reported.
		for (let round = 0; round <= rounds; round++) {
			const rotated = order.map((_, index) => order[(index + round) % order.length]);
			for (const name of rotated) {
				await sandbox.reset({ latencyMs: settings.latencyMs });
				const result = name === 'raw' ? { nodeMs: rawLoop(sandbox, osvi.data.apiToken).wallMs } : await runVariant(n8n, variants[name]);
				const load = await sandbox.load();
				const line = { bench: 'n8n', version, round, variant: name, ...settings, ...result, requests: load.requests, connections: load.connections, maxInFlight: load.maxInFlight };
				if (round > 0) console.log(JSON.stringify(line));
				process.stderr.write(`[bench] ${version} round ${round} ${name}: ${Math.round(line.nodeMs)} ms, ${line.requests} requests, ${line.connections} connections, ${line.maxInFlight} in flight\n`);
			}
		}
	} finally {
		await n8n.stop();
		await sandbox.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
