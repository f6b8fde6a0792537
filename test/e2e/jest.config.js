/** @type {import('jest').Config} The end-to-end suite: a real n8n, installed by test/e2e/run.js. */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['**/*.e2e.test.js'],
	testTimeout: 180000,
	maxWorkers: 1,
	// Every test stops the n8n processes and sandboxes it starts by PID; a stray handle must not hold CI.
	forceExit: true,
	reporters: ['default', ['<rootDir>/../../tools/count-reporter.js', { name: 'e2e' }]],
};
