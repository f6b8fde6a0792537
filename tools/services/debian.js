'use strict';
// Programs from Debian's packages (Redis, PostgreSQL) for the queue-mode tests: found where Debian
// puts them, or installed with apt-get when missing (root installs directly, anyone else through
// `sudo -n`, as on a CI runner). Installing starts nothing here: the tests run their own copies.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const say = (text) => process.stderr.write(`[services] ${text}\n`);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The first of `names` found in PATH or in `folders`, as an absolute path. */
function findProgram(names, folders = []) {
	const searched = [...(process.env.PATH ?? '').split(path.delimiter), ...folders].filter(Boolean);
	for (const folder of searched) {
		for (const name of names) {
			const candidate = path.join(folder, name);
			try {
				fs.accessSync(candidate, fs.constants.X_OK);
				return candidate;
			} catch {
				// not here
			}
		}
	}
	return undefined;
}

/** PostgreSQL's server programs live in /usr/lib/postgresql/<version>/bin, outside PATH: newest first. */
function postgresFolders() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root)
		.filter((version) => /^\d+$/.test(version))
		.sort((a, b) => Number(b) - Number(a))
		.map((version) => path.join(root, version, 'bin'));
}

function aptGet(args) {
	// Another apt on the machine may hold the lock for a while: wait for it rather than fail.
	const aptArgs = ['-o', 'DPkg::Lock::Timeout=600', ...args];
	const [program, ...programArgs] = isRoot() ? ['apt-get', ...aptArgs] : ['sudo', '-n', 'apt-get', ...aptArgs];
	const result = spawnSync(program, programArgs, {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeout: 15 * 60 * 1000,
	});
	return result.status === 0;
}

/**
 * Where `program` is, installing Debian `packageName` when it is missing. apt-get update runs only
 * when a first install fails (a fresh machine's package lists may be empty or stale).
 */
function ensureProgram({ names, packageName, folders = () => [] }) {
	const found = findProgram(names, folders());
	if (found) return found;
	say(`${names[0]} is missing: apt-get install ${packageName}…`);
	const install = ['install', '-y', '--no-install-recommends', packageName];
	if (!aptGet(install)) {
		if (!aptGet(['update']) || !aptGet(install)) throw new Error(`apt-get install ${packageName} failed`);
	}
	const installed = findProgram(names, folders());
	if (!installed) throw new Error(`${packageName} was installed but ${names[0]} is still not found`);
	return installed;
}

const redisServer = () => ensureProgram({ names: ['redis-server'], packageName: 'redis-server', folders: () => ['/usr/bin'] });

/** initdb and postgres from one PostgreSQL version. */
function postgresPrograms() {
	const postgres = ensureProgram({ names: ['postgres'], packageName: 'postgresql', folders: postgresFolders });
	const bin = path.dirname(fs.realpathSync(postgres));
	return { postgres: path.join(bin, 'postgres'), initdb: path.join(bin, 'initdb') };
}

module.exports = { isRoot, postgresPrograms, redisServer };
