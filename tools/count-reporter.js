// A jest reporter that records how many tests passed and failed, for the one closing line that
// scripts/test-summary.js prints after every suite of `npm test` has run.
const fs = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', '.tmp', 'test-counts');

class CountReporter {
	constructor(_globalConfig, options = {}) {
		this.name = options.name ?? 'jest';
	}

	onRunComplete(_contexts, results) {
		fs.mkdirSync(dir, { recursive: true });
		const counts = { passed: results.numPassedTests, failed: results.numFailedTests, skipped: results.numPendingTests };
		fs.writeFileSync(path.join(dir, `${this.name}.json`), JSON.stringify(counts));
	}
}

module.exports = CountReporter;
