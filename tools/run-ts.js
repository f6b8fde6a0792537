// Runs a TypeScript script of the project (the engine benchmark) without a build: Node loads each
// .ts file through esbuild as it is required (ts-register.js), so requires computed at run time
// (the engine harness loads the nodes package.json lists) work as they do under jest.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');

function runTs(entry, args, options = {}) {
	return spawnSync(process.execPath, ['--require', path.join(__dirname, 'ts-register.js'), entry, ...args], {
		encoding: 'utf8',
		cwd: root,
		...options,
	});
}

module.exports = { runTs };

if (require.main === module) {
	const [entry, ...args] = process.argv.slice(2);
	const result = runTs(entry, args, { stdio: 'inherit' });
	process.exit(result.status ?? 1);
}
