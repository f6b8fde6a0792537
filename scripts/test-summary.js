// `--reset` forgets earlier counts; otherwise prints one closing line for all the suites that ran:
// "summary: N passed, N failed" (and skipped, if any).
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', '.tmp', 'test-counts');
if (process.argv.includes('--reset')) {
	fs.rmSync(dir, { recursive: true, force: true });
	process.exit(0);
}
const totals = { passed: 0, failed: 0, skipped: 0 };
const suites = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
for (const file of suites) {
	const counts = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
	for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
}
console.log(`summary: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
