'use strict';
// The limit: the same 1,000 call requests sent by a bare `fetch` loop at the same concurrency, with
// nothing else (no validation, no retries, no n8n). Node's fetch keeps connections alive, so the loop
// opens about as many connections as it has requests in flight. Run in a process of its own.
// Usage: node test/bench/rawLoop.js <sandbox url> <token> <count> <concurrency>; prints one JSON line.
const [url, token, countText, concurrencyText] = process.argv.slice(2);
const count = Number(countText);
const concurrency = Number(concurrencyText);
const AGENT = 'agent_SandboxReminder01';

const phoneOf = (index) => `9${String(100000000 + index).padStart(9, '0')}`;

async function placeCall(index) {
	const response = await fetch(`${url}/osvi/v1/call`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'api-token': token },
		body: JSON.stringify({ agent_uuid: AGENT, phone_number: phoneOf(index), country_code: 'IN' }),
	});
	const body = await response.json();
	if (!response.ok) throw new Error(`call ${index}: ${response.status} ${JSON.stringify(body)}`);
}

async function loop(total, offset) {
	let next = 0;
	const worker = async () => {
		while (next < total) await placeCall(offset + next++);
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
}

async function main() {
	// Warm up as a running n8n is warm: the fetch machinery loaded, not measured.
	await loop(concurrency, count);
	const started = process.hrtime.bigint();
	await loop(count, 0);
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	console.log(JSON.stringify({ bench: 'raw', count, concurrency, wallMs }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
