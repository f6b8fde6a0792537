#!/usr/bin/env node
'use strict';
// `npm run test:e2e`: installs the system packages it needs where missing (Chromium for the editor
// test), every pinned n8n (or reuses the cache), then runs the end-to-end suite against each.
// N8N_E2E_VERSIONS=1.123.81 limits the run to some versions; N8N_E2E_QUEUE=0 leaves out the
// queue-mode suite (queue.e2e.test.js) on a developer's machine, never in CI.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const { ensureN8n, selectedVersions } = require('../../tools/n8n');
const { ensureSystemPackages } = require('../../tools/system');

const selected = selectedVersions();
const started = Date.now();
ensureSystemPackages(['editorTest']);
for (const version of selected) {
	const t = Date.now();
	const install = ensureN8n(version);
	process.stderr.write(`[e2e] n8n ${install.version} ready in ${((Date.now() - t) / 1000).toFixed(1)} s (${install.installDir})\n`);
}
const jestArgs = ['--config', path.join(__dirname, 'jest.config.js'), '--runInBand'];
if (process.env.N8N_E2E_QUEUE === '0') {
	if (process.env.CI) process.stderr.write('[e2e] N8N_E2E_QUEUE=0 is ignored in CI: the queue-mode suite runs\n');
	else {
		process.stderr.write('[e2e] N8N_E2E_QUEUE=0: the queue-mode suite (queue.e2e.test.js) is left out\n');
		jestArgs.push('--testPathIgnorePatterns', 'queue\\.e2e\\.test\\.js$');
	}
}
const jest = require.resolve('jest/bin/jest');
const result = spawnSync(process.execPath, [jest, ...jestArgs], {
	stdio: 'inherit',
	env: { ...process.env, N8N_E2E_VERSIONS: selected.join(',') },
});
process.stderr.write(`[e2e] total ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exit(result.status ?? 1);
