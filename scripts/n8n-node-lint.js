// `n8n-node lint` (@n8n/node-cli, what n8n's starter runs) with its own, unchanged configuration:
// the package is strict ("n8n": { "strict": true }), so the command insists on the starter's
// eslint.config.mjs and lints everything below the folder it runs in (`eslint .`). At this
// repository's root that would put the node rules on the tests, tools, sandbox and scripts, which
// are no part of the package and run on Node (process, timers and console are their job), and the
// root's eslint.config.mjs adds the tarball rules. So the command runs in a folder laid out as the
// starter's: this package.json, tsconfig.json, nodes/ and credentials/ (what is built and
// published), the starter's eslint.config.mjs, and this repository's node_modules.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
// The package exports only its ESLint configuration (dist/configs/eslint.js): its folder from there.
const cli = path.join(path.dirname(require.resolve('@n8n/node-cli/eslint')), '..', '..');

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'voice-agents-n8n-node-lint-'));
try {
	for (const entry of ['package.json', 'tsconfig.json', 'nodes', 'credentials']) {
		fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
	}
	fs.copyFileSync(path.join(cli, 'dist', 'template', 'templates', 'shared', 'default', 'eslint.config.mjs'), path.join(stage, 'eslint.config.mjs'));
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
	const result = spawnSync(process.execPath, [path.join(cli, 'bin', 'n8n-node.mjs'), 'lint'], {
		cwd: stage,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, FORCE_COLOR: '0' },
	});
	process.exitCode = result.status ?? 1;
	console.log(`n8n-node lint (strict, the starter's configuration) on nodes/ and credentials/: ${result.status === 0 ? 'no problems' : 'problems found'}`);
} finally {
	fs.rmSync(stage, { recursive: true, force: true });
}
