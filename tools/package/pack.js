// Packs the package as npm would publish it and unpacks the tarball into a fresh folder.
// Used by the tarball lint, the load check and the end-to-end tests: what they check is what users get.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, mkdirSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');

/** Returns `{ tarball, dir }`: the .tgz path and the folder it was unpacked into (its `package/`). */
function packAndUnpack() {
	const work = mkdtempSync(path.join(os.tmpdir(), 'voice-agents-pack-'));
	const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
		cwd: root,
		encoding: 'utf8',
	});
	const tarball = path.join(work, output.trim().split('\n').pop());
	const dir = path.join(work, 'unpacked');
	mkdirSync(dir);
	execFileSync('tar', ['-xzf', tarball, '-C', dir]);
	return { tarball, dir: path.join(dir, 'package'), cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

module.exports = { packAndUnpack };
