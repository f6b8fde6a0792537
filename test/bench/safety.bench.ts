// Call safety under faults, as a figure: 1,000 calls through n8n-core's real execution with node
// Settings → Retry On Fail (3 tries) and 10 % faults on the call requests, Continue On Fail on and off.
// Prints one JSON line per run: numbers dialled twice (must be 0), items accounted for, time.
// Run: node tools/run-ts.js test/bench/safety.bench.ts
import { startSandbox } from '../../sandbox';
import { runNode } from '../engine/harness';

const CALLS = { method: 'POST', path: '/v1/call' };
const indianNumber = (index: number) => `9${String(100000000 + index).padStart(9, '0')}`;

async function main() {
	const sandbox = await startSandbox({ callDurationMs: 600_000 });
	try {
		for (const continueOnFail of [true, false]) {
			sandbox.reset();
			// 10 % of the call requests fail: half after the work (500, reset), half before it (429 spent, 503, reset).
			sandbox.setFaults({
				seed: 21,
				only: CALLS,
				rate500: 0.03,
				resetAfterRead: 0.02,
				rate429: 0.02,
				retryAfterSeconds: 0,
				rate503: 0.02,
				resetBeforeRead: 0.01,
			});
			const started = process.hrtime.bigint();
			const { items, error } = await runNode({
				type: 'osvi',
				parameters: {
					resource: 'call',
					operation: 'initiate',
					agent: { __rl: true, mode: 'id', value: 'agent_SandboxReminder01' },
					phoneNumber: '={{ $json.phone }}',
					country: 'IN',
					requestOptions: { concurrency: 16, maxAttempts: 1 },
				},
				items: Array.from({ length: 1000 }, (_, index) => ({ phone: indianNumber(index) })),
				credentials: { osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } },
				continueOnFail,
				retryOnFail: { maxTries: 3, waitBetweenTries: 0 },
			});
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			const dials = new Map<string, number>();
			for (const request of sandbox.received('osvi', 'POST', '/v1/call').filter((entry) => entry.acted)) {
				const phone = String((request.body as { phone_number: string }).phone_number);
				dials.set(phone, (dials.get(phone) ?? 0) + 1);
			}
			const carriedOut = (error?.context?.carriedOut as unknown[] | undefined)?.length ?? 0;
			console.log(
				JSON.stringify({
					bench: 'safety',
					calls: 1000,
					faults: '10 % of call requests',
					retryOnFail: 3,
					continueOnFail,
					dialledTwice: [...dials.values()].filter((count) => count > 1).length,
					numbersDialled: dials.size,
					outputItems: items.length,
					stoppedWith: error ? error.message.slice(0, 60) : null,
					carriedOutReported: carriedOut,
					seconds: Number(seconds.toFixed(1)),
				}),
			);
		}
	} finally {
		await sandbox.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
