// Engine-level benchmarks: prints one JSON line per measurement. Run through test/bench/run.js (npm run bench).
// The sandbox runs in a process of its own (sandboxProcess.js): only n8n-core and the node are measured.
//   cpu                    CPU cost per item of Initiate's validation and phone normalisation (no I/O)
//   calls C [generic]      1,000 Initiate items through n8n-core against a sandbox with 50 ms latency,
//                          concurrency C; `generic`: the credential authenticates in n8n's generic form
//                          (an expression per request), as before it became a function
//   contacts N             N contacts through Add Contacts
// Wall time and this process's CPU time (the sandbox's work is not in it).
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { prepare } from '../../nodes/Osvi/actions/call/initiate.operation';
import { runNode } from '../engine/harness';
import { credentialTypes } from '../engine/harness/registry';
import { startSandboxProcess } from './sandboxProcess';

const AGENT = 'agent_SandboxReminder01';
const indianNumber = (index: number) => `9${String(100000000 + index).padStart(9, '0')}`;
const formats = [
	(n: string) => `+91 ${n.slice(0, 5)}-${n.slice(5)}`,
	(n: string) => `0${n.slice(0, 5)} ${n.slice(5)}`,
	(n: string) => n,
	(n: string) => `+91${n}`,
];

function cpuPerItem(count: number) {
	const parameters = (itemIndex: number): Record<string, unknown> => ({
		agent: AGENT,
		phoneNumber: formats[itemIndex % formats.length](indianNumber(itemIndex)),
		country: 'IN',
		additionalFields: { personName: `Person ${itemIndex}`, webhookUrl: 'https://hooks.example.com/osvi' },
		additionalDataMode: 'json',
		additionalDataJson: `{"crm_id": ${itemIndex}, "plan": "gold"}`,
		dataExtraction: { fields: [{ key: 'confirmed', description: 'Confirm?', required: true, outputFormat: 'yes or no' }] },
		callConfiguration: { maxCallDurationSeconds: 300 },
		options: {},
	});
	// The parameters as n8n hands them over; the expression engine's own cost is not part of this.
	const context = {
		getNode: () => ({ name: 'OSVI' }) as INode,
		getNodeParameter: (name: string, itemIndex: number, fallback: unknown) => {
			const value = name.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown>)?.[key], parameters(itemIndex));
			return value === undefined ? fallback : value;
		},
	} as unknown as IExecuteFunctions;
	prepare.call(context, 0); // load the phone metadata outside the measurement
	const started = process.hrtime.bigint();
	for (let index = 0; index < count; index++) prepare.call(context, index);
	const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
	return { bench: 'cpu', items: count, totalMs: elapsedMs, microsecondsPerItem: (elapsedMs * 1000) / count };
}

/** Wall and CPU time of `work` in milliseconds. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; wallMs: number; cpuMs: number }> {
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await work();
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const { user, system } = process.cpuUsage(cpu);
	return { result, wallMs, cpuMs: (user + system) / 1000 };
}

async function calls(concurrency: number, genericAuth: boolean, count = 1000, latencyMs = 50) {
	if (genericAuth) {
		credentialTypes.osviApi.authenticate = { type: 'generic', properties: { headers: { 'API-Token': '={{$credentials.apiToken}}' } } };
	}
	const sandbox = await startSandboxProcess();
	try {
		await sandbox.reset({ latencyMs });
		const { apiToken, baseUrl } = sandbox.credential('osvi').data;
		const { result: { items, error }, wallMs, cpuMs } = await timed(() => runNode({
			type: 'osvi',
			parameters: {
				resource: 'call',
				operation: 'initiate',
				agent: { __rl: true, mode: 'id', value: AGENT },
				phoneNumber: '={{ $json.phone }}',
				country: 'IN',
				requestOptions: { concurrency },
			},
			items: Array.from({ length: count }, (_, index) => ({ phone: indianNumber(index) })),
			credentials: { osviApi: { apiToken, baseUrl } },
		}));
		if (error || items.length !== count) throw new Error(`calls run failed: ${error?.message}`);
		const { requests, connections } = await sandbox.load();
		return { bench: 'calls', concurrency, genericAuth, items: count, requests, connections, wallMs, cpuMs, cpuMsPerCall: cpuMs / count };
	} finally {
		await sandbox.stop();
	}
}

async function contacts(count: number) {
	const sandbox = await startSandboxProcess();
	try {
		const { apiToken, baseUrl } = sandbox.credential('osvi').data;
		const { result: { items, error }, wallMs, cpuMs } = await timed(() => runNode({
			type: 'osvi',
			parameters: { resource: 'campaign', operation: 'addContacts', campaignId: 101, agent: { __rl: true, mode: 'id', value: AGENT }, nameField: 'name', phoneField: 'phone', country: 'IN', promptVariables: 'all' },
			items: Array.from({ length: count }, (_, index) => ({ name: `Contact ${index}`, phone: indianNumber(index), plan: 'gold' })),
			credentials: { osviApi: { apiToken, baseUrl } },
		}));
		if (error) throw error;
		const accepted = items.reduce((sum, item) => sum + Number(item.json.contacts_accepted), 0);
		const { requests } = await sandbox.load();
		return { bench: 'contacts', contacts: count, requests, accepted, wallMs, cpuMs };
	} finally {
		await sandbox.stop();
	}
}

async function main() {
	const [which, argument, variant] = process.argv.slice(2);
	let result;
	if (which === 'cpu') result = cpuPerItem(Number(argument ?? 10_000));
	else if (which === 'calls') result = await calls(Number(argument ?? 16), variant === 'generic');
	else if (which === 'contacts') result = await contacts(Number(argument ?? 100_000));
	else throw new Error(`unknown benchmark ${which}`);
	console.log(JSON.stringify(result));
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
