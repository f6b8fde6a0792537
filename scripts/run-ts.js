// Runs a TypeScript script of the project (benchmarks) without a separate build: esbuild bundles
// the project's own code into a temporary file and leaves every package external.
const esbuild = require('esbuild');
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, rmSync } = require('node:fs');
const path = require('node:path');

function runTs(entry, args, options = {}) {
	// Inside the project (git-ignored), so that the bundle resolves the project's node_modules.
	const scratch = path.join(__dirname, '..', '.tmp');
	mkdirSync(scratch, { recursive: true });
	const dir = mkdtempSync(path.join(scratch, 'ts-'));
	const outfile = path.join(dir, 'script.js');
	try {
		esbuild.buildSync({
			entryPoints: [entry],
			outfile,
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node20',
			packages: 'external',
			absWorkingDir: path.join(__dirname, '..'),
			logLevel: 'warning',
		});
		return spawnSync(process.execPath, [outfile, ...args], { encoding: 'utf8', cwd: path.join(__dirname, '..'), ...options });
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

module.exports = { runTs };

if (require.main === module) {
	const [entry, ...args] = process.argv.slice(2);
	const result = runTs(entry, args, { stdio: 'inherit' });
	process.exit(result.status ?? 1);
}
