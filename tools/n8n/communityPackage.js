'use strict';
// This package as n8n's community-package installer leaves it, so that Settings → Community Nodes
// lists it: the unpacked tarball in <user folder>/.n8n/nodes/node_modules/<name>/ with the
// dependency fields the installer strips, the folder's package.json naming it, and the rows the
// installer writes once the package has loaded (installed_packages, installed_nodes; see
// InstalledPackagesRepository.saveInstalledPackageWithNodes in n8n 1.x and 2.x). n8n's own install
// cannot be used: it fetches from the npm registry, and another registry needs a licence.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { packAndUnpack } = require('../package/pack');
const { PACKAGE, builtNodeDescriptions } = require('../package/manifest');

const nodesFolder = (userFolder) => path.join(userFolder, '.n8n', 'nodes');
const databaseFile = (userFolder) => path.join(userFolder, '.n8n', 'database.sqlite');

/**
 * Packs this package and lays it out in the user folder as the installer does; returns its
 * package.json. `packed`: a tarball already unpacked (packAndUnpack's `dir`), for several folders.
 */
function installPackage(userFolder, packed) {
	const { dir, cleanup } = packed ? { dir: packed, cleanup: () => {} } : packAndUnpack();
	const target = path.join(nodesFolder(userFolder), 'node_modules', PACKAGE);
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.rmSync(target, { recursive: true, force: true });
	fs.cpSync(dir, target, { recursive: true });
	cleanup();
	const manifestFile = path.join(target, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
	fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
	const folderManifest = path.join(nodesFolder(userFolder), 'package.json');
	const installed = fs.existsSync(folderManifest)
		? JSON.parse(fs.readFileSync(folderManifest, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	installed.dependencies = { ...installed.dependencies, [PACKAGE]: manifest.version };
	fs.writeFileSync(folderManifest, JSON.stringify(installed, null, 2));
	return manifest;
}

/** The rows the installer writes for a package: one for it, one per node it loaded. */
function installedRows(manifest) {
	const nodes = Object.entries(builtNodeDescriptions()).map(([type, description]) => ({
		name: description.displayName,
		type,
		latestVersion: Array.isArray(description.version) ? description.version.at(-1) : description.version,
	}));
	return {
		packageName: manifest.name,
		installedVersion: manifest.version,
		authorName: manifest.author?.name ?? null,
		authorEmail: manifest.author?.email ?? null,
		nodes,
	};
}

// Run by n8n's own Node with n8n's sqlite3 (built for that Node): replaces the package's rows.
const WRITE_ROWS = `
const sqlite3 = require('sqlite3');
const [file, json] = process.argv.slice(1);
const rows = JSON.parse(json);
const db = new sqlite3.Database(file);
const now = "STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')";
const fail = (error) => { if (error) { console.error(error.message); process.exit(1); } };
db.serialize(() => {
	db.run('BEGIN');
	db.run('DELETE FROM installed_nodes WHERE package = ?', [rows.packageName], fail);
	db.run('DELETE FROM installed_packages WHERE packageName = ?', [rows.packageName], fail);
	db.run('INSERT INTO installed_packages (packageName, installedVersion, authorName, authorEmail, createdAt, updatedAt) VALUES (?, ?, ?, ?, ' + now + ', ' + now + ')',
		[rows.packageName, rows.installedVersion, rows.authorName, rows.authorEmail], fail);
	for (const node of rows.nodes) {
		db.run('INSERT INTO installed_nodes (name, type, latestVersion, package) VALUES (?, ?, ?, ?)', [node.name, node.type, node.latestVersion, rows.packageName], fail);
	}
	db.run('COMMIT', fail);
});
db.close(fail);
`;

/**
 * Writes the installer's rows into the instance's database, which must exist (any n8n command
 * creates it). Idempotent: the package's earlier rows are replaced.
 */
function recordInstalledPackage(install, userFolder, manifest) {
	const file = databaseFile(userFolder);
	if (!fs.existsSync(file)) throw new Error(`no n8n database at ${file} yet: run an n8n command first`);
	const result = spawnSync(install.nodeBinary, ['-e', WRITE_ROWS, file, JSON.stringify(installedRows(manifest))], {
		cwd: install.installDir,
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`recording ${manifest.name} as an installed community package failed: ${result.stderr}`);
}

module.exports = { databaseFile, installPackage, installedRows, recordInstalledPackage };
