'use strict';
// docs/benchmarks.md from the figures test/bench/run.js gathered: every figure as min / median /
// max over the rounds, ratios taken within one round, and the goals of the performance issue
// with whether they are met.
const os = require('node:os');

const sorted = (values) => [...values].sort((a, b) => a - b);
const median = (values) => {
	const list = sorted(values);
	const middle = Math.floor(list.length / 2);
	return list.length % 2 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
};
const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
/** "min / median / max" of values, each divided by `unit`. */
const spread = (values, digits = 2, unit = 1) =>
	values.length === 0 ? '–' : [Math.min(...values), median(values), Math.max(...values)].map((value) => fixed(value / unit, digits)).join(' / ');

/** The per-round ratios a ÷ b of two n8n variants of one version (raw loop included). */
function ratios(n8n, version, a, b) {
	const of = (variant, round) => n8n.find((line) => line.version === version && line.variant === variant && line.round === round)?.nodeMs;
	const rounds = [...new Set(n8n.filter((line) => line.version === version).map((line) => line.round))];
	return rounds.map((round) => of(a, round) / of(b, round)).filter(Number.isFinite);
}

const VARIANTS = [
	['raw', 'Raw loop: bare `fetch` (keeps connections alive), concurrency 16 — the limit'],
	['callsOurs', 'OSVI node, Concurrency 16'],
	['callsOursDefault', 'OSVI node, default Concurrency'],
	['callsHttp', 'HTTP Request + Header Auth credential, untuned (every item at once)'],
	['callsHttpBatched', 'HTTP Request + Header Auth, Batching 16 items per 50 ms'],
	['contactsOurs', 'OSVI Add Contacts (every phone validated and normalised)'],
	['contactsCode', 'Code node grouping 10,000 per request + HTTP Request + Header Auth (no validation)'],
];

function n8nSection(figures, version) {
	const lines = figures.n8n.filter((line) => line.version === version);
	if (lines.length === 0) return '';
	const first = lines[0];
	const rows = VARIANTS.map(([variant, label]) => {
		const of = lines.filter((line) => line.variant === variant);
		if (of.length === 0) return undefined;
		const failed = of.filter((line) => line.variant !== 'raw' && line.status !== 'success').length;
		return `| ${label} | ${spread(of.map((line) => line.nodeMs), 2, 1000)} | ${median(of.map((line) => line.requests))} | ${median(of.map((line) => line.connections))} | ${median(of.map((line) => line.maxInFlight))} |${failed ? ` ${failed} failed runs` : ''}`;
	}).filter(Boolean);
	return `### n8n ${version}
${first.calls.toLocaleString('en')} calls and ${first.contacts.toLocaleString('en')} contacts, sandbox latency ${first.latencyMs} ms per request. Time: the measured nodes' execution time as n8n records it
(the raw loop: its own wall time). Requests, connections the sandbox saw opened, and most requests in flight: medians.

| variant | time (s), min / median / max | requests | connections | most in flight |
|---|---|---|---|---|
${rows.join('\n')}
`;
}

function goals(figures) {
	const rows = [];
	for (const version of figures.versions) {
		const limit = ratios(figures.n8n, version, 'callsOurs', 'raw');
		const untuned = ratios(figures.n8n, version, 'callsOursDefault', 'callsHttp');
		const bulk = ratios(figures.n8n, version, 'contactsOurs', 'contactsCode');
		const met = (values, bound) => (values.length === 0 ? 'not measured' : median(values) <= bound ? `met (median)${Math.max(...values) > bound ? `, not in every round` : ''}` : 'not met');
		rows.push(`| ${version}: 1,000 calls at Concurrency 16 ÷ raw loop | ≤ 1.2 | ${spread(limit)} | ${met(limit, 1.2)} |`);
		rows.push(`| ${version}: default setting ÷ untuned HTTP Request | ≤ 1.0 | ${spread(untuned)} | ${met(untuned, 1)} |`);
		rows.push(`| ${version}: bulk contacts ÷ Code-node best effort | ≤ 1.5 | ${spread(bulk)} | ${met(bulk, 1.5)} |`);
	}
	// CPU time: on a shared machine the wall time also counts other processes' turns.
	const files = Object.keys(figures.load[0].alone).filter((file) => file.endsWith('.node.js'));
	const slowestOf = (pick) => Math.max(...files.map((file) => pick(figures.load.map((load) => load.alone[file].cpuMs))));
	const slowestMedian = slowestOf(median);
	rows.push(`| each node file, cold require alone (CPU) | ≤ 30 ms | slowest file: ${fixed(slowestOf((values) => Math.min(...values)), 1)} ms at best, median ${fixed(slowestMedian, 1)} ms | ${slowestMedian <= 30 ? 'met (median)' : 'not met'} |`);
	return rows.join('\n');
}

function engineSection(figures) {
	const calls = (filter) => figures.calls.filter(filter);
	const fn = calls((line) => !line.base && !line.genericAuth);
	const generic = calls((line) => !line.base && line.genericAuth);
	const base = calls((line) => line.base);
	const byRound = (a, b, field) => a.map((line) => line[field] / b.find((other) => other.round === line.round)?.[field]).filter(Number.isFinite);
	const contacts = figures.contacts.filter((line) => !line.base);
	const baseContacts = figures.contacts.filter((line) => line.base);
	const baseRows = figures.base
		? `| 1,000 calls, the nodes of ${figures.base} | ${spread(base.map((line) => line.cpuMsPerCall), 3)} ms per call | ${spread(base.map((line) => line.wallMs), 2, 1000)} | this commit ÷ that: CPU ${spread(byRound(fn, base, 'cpuMsPerCall'))} |
| 100,000 contacts, the nodes of ${figures.base} | ${spread(baseContacts.map((line) => line.cpuMs), 2, 1000)} s in all | ${spread(baseContacts.map((line) => line.wallMs), 2, 1000)} | this commit ÷ that: CPU ${spread(byRound(contacts, baseContacts, 'cpuMs'))} |`
		: '';
	return `| run | CPU of this process | wall time (s) | ratio within a round |
|---|---|---|---|
| 1,000 calls, Concurrency 16, credential authenticates by a function | ${spread(fn.map((line) => line.cpuMsPerCall), 3)} ms per call | ${spread(fn.map((line) => line.wallMs), 2, 1000)} | |
| the same, credential in n8n's generic form (an expression per request) | ${spread(generic.map((line) => line.cpuMsPerCall), 3)} ms per call | ${spread(generic.map((line) => line.wallMs), 2, 1000)} | function ÷ generic: CPU ${spread(byRound(fn, generic, 'cpuMsPerCall'))} |
| 100,000 contacts through Add Contacts (${contacts[0]?.requests} requests) | ${spread(contacts.map((line) => line.cpuMs), 2, 1000)} s in all | ${spread(contacts.map((line) => line.wallMs), 2, 1000)} | |
${baseRows}`;
}

/** Where the CPU of 1,000 calls went, as shares of the JavaScript and native time (test/bench/profile.js). */
function profileLine(profile) {
	if (!profile) return '';
	const owners = ['package', 'n8n', 'node'];
	const total = owners.reduce((sum, owner) => sum + (profile[owner] ?? 0), 0);
	const share = (owner) => `${fixed((100 * (profile[owner] ?? 0)) / total, 0)} % ${owner === 'package' ? 'this package (its nodes, zod and libphonenumber-js)' : owner === 'n8n' ? "n8n's (n8n-core, n8n-workflow, axios and the rest they load)" : "Node's own (sockets, HTTP, native functions)"}`;
	return `Where the CPU of those 1,000 calls goes (\`node test/bench/profile.js\`, V8's sampling profiler, one run): ${owners.map(share).join(', ')}.
The gap to the raw loop is n8n's request path (a new agent and connection, axios and its redirect and proxy
handling for every request), which a node cannot step around: n8n's scanner allows it no HTTP client of its own.`;
}

function render(figures) {
	const cpu = os.cpus();
	const load = figures.load;
	const files = Object.keys(load[0].alone);
	const connections = figures.calls.find((line) => !line.base)?.connections;
	return `# Benchmarks

Written by \`npm run bench\` (test/bench/run.js, report.js) on ${new Date().toISOString().slice(0, 10)}: ${figures.runs} rounds, each running every
variant once, back to back. **The machine is shared** (2 cores, with other developers' builds and tests running):
absolute times are noisy, so every figure is min / median / max over the rounds, and every comparison is a ratio
taken **within one round** (the variants compared ran seconds apart). The sandbox always runs in a process of its
own, so its work is never counted in the measured process. Benchmarks measure; the tests assert behaviour.

Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.

## Goals
| goal | bound | ratio, min / median / max | |
|---|---|---|---|
${goals(figures)}

## 1. In a real, running n8n: our node, n8n's own nodes, and the limit
\`node test/bench/n8n.bench.js <version> <rounds>\` — one \`n8n start\` (warm, as in production, after a round that is not
reported); each workflow starts from a webhook, makes its rows with Set and Split Out, and hands them to the nodes
measured. The raw loop sends the same call requests with a bare \`fetch\` at the same concurrency, in a process of its
own. The HTTP Request node is what a user would build: a Header Auth credential for the token, the body as JSON.

${figures.versions.map((version) => n8nSection(figures, version)).join('\n')}
Connections: n8n's request helpers build a new HTTP agent for every request, without keep-alive, on both lines
(1.x \`setAxiosAgents\` → \`createHttpProxyAgent\`; 2.x \`buildNodeAgents\`; 2.x passes \`agentOptions.keepAlive\` through,
yet builds the agent anew for each request), and a node cannot hand them an agent: every request opens a connection
(the connections column), where the raw loop reuses a few. No node can change that through n8n's helpers.

## 2. n8n-core in the benchmark's process
\`node tools/run-ts.js test/bench/engine.bench.ts calls 16 [generic]\` and \`… contacts 100000\` — n8n-core's real
\`WorkflowExecute\` and request helpers (n8n-workflow ${require('n8n-workflow/package.json').version}) run the node; CPU is this process's own
(\`process.cpuUsage\`), the sandbox's work is elsewhere. \`generic\` puts back the credential's earlier \`authenticate\`
(n8n's generic form, \`'={{$credentials.apiToken}}'\`), which n8n's expression engine evaluates on every request.
${connections ? `Connections opened for 1,000 calls: ${connections}.` : ''}

${engineSection(figures)}

${profileLine(figures.profile)}

CPU per item of Initiate Call's validation and phone normalisation (no I/O, parameters as n8n hands them over):
${spread(figures.cpu.map((line) => line.microsecondsPerItem), 1)} µs (\`engine.bench.ts cpu 10000\`).

## 3. Start-up: cold require, each file alone
\`node tools/package/load-check.js\` — the packed tarball unpacked beside only n8n-workflow; each listed file required
(and its class instantiated, as n8n's loader does) in a fresh process of its own, after n8n-workflow.

| file | wall (ms), min / median / max | CPU (ms), min / median / max |
|---|---|---|
${files.map((file) => `| ${file} | ${spread(load.map((entry) => entry.alone[file].ms), 1)} | ${spread(load.map((entry) => entry.alone[file].cpuMs), 1)} |`).join('\n')}

All files in one process: ${spread(load.map((entry) => entry.packageMs), 1)} ms. Tarball \`${load[0].tarball}\`: ${fixed(load[0].tarballBytes / 1024, 1)} kB.
Phone metadata is not loaded at start-up (loaded: ${load[0].phoneMetadataLoaded}).
`;
}

module.exports = { render };
