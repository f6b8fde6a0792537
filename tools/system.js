'use strict';
// The system packages the end-to-end tests and the demo need, from Debian's packages: a C/C++
// toolchain and python3 (n8n's sqlite3 and isolated-vm are built from source) and, for the editor
// test, Chromium. Installed with apt-get where missing (as root, on Debian); a machine that has
// them pays one `command -v` per program.
const { spawnSync } = require('node:child_process');

/** For each use, the programs it runs, each with the Debian package that brings it. */
const NEEDS = {
	editorTest: [['chromium', 'chromium']],
	nativeBuild: [['make', 'make'], ['g++', 'g++'], ['python3', 'python3']],
};

function has(program) {
	return spawnSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;
}

function log(message) {
	process.stderr.write(`[system] ${message}\n`);
}

/** The packages of `groups` whose programs are missing. */
function missingPackages(groups) {
	const wanted = groups.flatMap((group) => NEEDS[group]);
	return [...new Set(wanted.filter(([program]) => !has(program)).map(([, pkg]) => pkg))];
}

function apt(args) {
	const result = spawnSync('apt-get', args, {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	return result.status === 0;
}

/**
 * Installs what `groups` ('nativeBuild', 'editorTest') need and is missing. Without root or
 * apt-get it says what to install and throws.
 */
function ensureSystemPackages(groups) {
	const missing = missingPackages(groups);
	if (missing.length === 0) return;
	const canInstall = process.getuid?.() === 0 && has('apt-get');
	if (!canInstall) throw new Error(`missing system packages: ${missing.join(', ')} (install them with apt-get install ${missing.join(' ')})`);
	log(`installing ${missing.join(', ')} from Debian's packages…`);
	// The package lists may be missing or old on a fresh machine: update once if the install fails.
	if (!apt(['install', '-y', ...missing])) {
		if (!apt(['update']) || !apt(['install', '-y', ...missing])) {
			throw new Error(`apt-get install ${missing.join(' ')} failed`);
		}
	}
	const still = missingPackages(groups);
	if (still.length > 0) throw new Error(`still missing after apt-get: ${still.join(', ')}`);
}

module.exports = { ensureSystemPackages, missingPackages };
