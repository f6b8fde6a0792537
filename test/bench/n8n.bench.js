'use strict';
// In a real n8n: our OSVI node against n8n's own HTTP Request node doing the same work item by
// item, in one run, against the sandbox. Prints one JSON line per workflow run: wall time of
// `n8n execute` and the peak memory (VmHWM) of the n8n process.
const fs = require('node:fs');

const { startSandbox } = require('../../sandbox');
const { N8nInstance } = require('../../tools/n8n');
const { byId, chain } = require('../e2e/workflows');

const AGENT = 'agent_SandboxReminder01';
const indianNumber = (index) => `9${String(100000000 + index).padStart(9, '0')}`;

function rows(count) {
	return Array.from({ length: count }, (_, index) => ({ name: `Contact ${index}`, phone: indianNumber(index) }));
}

function httpRequestStep(name, url, token, jsonBody) {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url,
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'API-Token', value: token }] },
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: {},
		},
	};
}

function workflows(sandbox, callCount, contactCount) {
	return [
		chain('benchOursCalls001', 'Bench: OSVI node, calls', [
			{ name: 'Work', type: 'osvi', parameters: { resource: 'call', operation: 'initiate', agent: byId(AGENT), phoneNumber: '={{ $json.phone }}', country: 'IN' } },
		], { rows: rows(callCount) }),
		chain('benchOurs16Calls1', 'Bench: OSVI node, calls, concurrency 16', [
			{ name: 'Work', type: 'osvi', parameters: { resource: 'call', operation: 'initiate', agent: byId(AGENT), phoneNumber: '={{ $json.phone }}', country: 'IN', requestOptions: { concurrency: 16 } } },
		], { rows: rows(callCount) }),
		chain('benchHttpCalls001', 'Bench: HTTP Request, calls', [
			httpRequestStep('Work', `${sandbox.osviUrl}/v1/call`, sandbox.osviToken, `={{ JSON.stringify({ agent_uuid: "${AGENT}", phone_number: $json.phone, country_code: "IN" }) }}`),
		], { rows: rows(callCount) }),
		chain('benchOursContact1', 'Bench: OSVI node, contacts', [
			{ name: 'Work', type: 'osvi', parameters: { resource: 'campaign', operation: 'addContacts', campaignId: 101, agent: byId(AGENT), nameField: 'name', phoneField: 'phone', country: 'IN', promptVariables: 'none' } },
		], { rows: rows(contactCount) }),
		chain('benchHttpContact1', 'Bench: HTTP Request, contacts', [
			httpRequestStep('Work', `${sandbox.osviUrl}/v1/campaigns/101/contacts`, sandbox.osviToken, `={{ JSON.stringify({ agent_uuid: "${AGENT}", contacts: [{ person_name: $json.name, phone: $json.phone }] }) }}`),
		], { rows: rows(contactCount) }),
	];
}

/** Samples the peak resident memory (VmHWM) of a process until it exits. */
function watchPeakMemory(child) {
	const state = { peakKb: 0 };
	const read = () => {
		try {
			const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
			const match = /VmHWM:\s+(\d+) kB/.exec(status);
			if (match) state.peakKb = Math.max(state.peakKb, Number(match[1]));
		} catch {
			// the process has exited
		}
	};
	const timer = setInterval(read, 50);
	child.once('exit', () => clearInterval(timer));
	return state;
}

async function main() {
	const version = process.argv[2] ?? '1.123.81';
	const runs = Number(process.argv[3] ?? 3);
	const callCount = Number(process.env.BENCH_CALLS ?? 1000);
	const contactCount = Number(process.env.BENCH_CONTACTS ?? 10000);
	const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 5);
	const sandbox = await startSandbox({ callDurationMs: 3_600_000, faults: { latencyMs } });
	const n8n = await N8nInstance.create(version);
	try {
		await n8n.importCredentials([sandbox.credential('osvi')]);
		await n8n.importWorkflows(workflows(sandbox, callCount, contactCount));
		for (let run = 1; run <= runs; run++) {
			for (const id of ['benchOursCalls001', 'benchOurs16Calls1', 'benchHttpCalls001', 'benchOursContact1', 'benchHttpContact1']) {
				sandbox.reset();
				sandbox.setFaults({ latencyMs });
				let memory;
				const started = process.hrtime.bigint();
				const result = await n8n.execute(id, { timeoutMs: 900000, onSpawn: (child) => (memory = watchPeakMemory(child)) });
				const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
				const items = result.run?.data?.resultData?.runData?.Work?.[0]?.data?.main?.[0]?.length ?? 0;
				console.log(JSON.stringify({ bench: 'n8n', version, run, workflow: id, code: result.code, items, requests: sandbox.requests.length, wallMs, peakRssMb: memory.peakKb / 1024, latencyMs }));
			}
		}
	} finally {
		await n8n.stop();
		await sandbox.close();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
