'use strict';
// Who runs the services. PostgreSQL refuses to run as root, so a root test run creates (once) an
// unprivileged system account without a home or a login shell and runs Redis and PostgreSQL as it,
// in folders it owns; anyone else runs them as themselves.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const { isRoot } = require('./debian');

const ACCOUNT = 'voice-agents-services';

function idOf(flag) {
	const result = spawnSync('id', [flag, ACCOUNT], { encoding: 'utf8' });
	return result.status === 0 ? Number(result.stdout.trim()) : undefined;
}

/** The account as spawn options, a clean environment, and a way to hand it a folder. */
function servicesAccount() {
	const env = { PATH: process.env.PATH, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
	if (!isRoot()) return { name: undefined, spawnOptions: {}, env, own: () => {} };
	if (idOf('-u') === undefined) {
		const created = spawnSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', ACCOUNT], { encoding: 'utf8' });
		// Another test run may have created it meanwhile.
		if (created.status !== 0 && idOf('-u') === undefined) throw new Error(`useradd ${ACCOUNT} failed: ${created.stderr}`);
	}
	const uid = idOf('-u');
	const gid = idOf('-g');
	return {
		name: ACCOUNT,
		spawnOptions: { uid, gid },
		env: { ...env, HOME: '/nonexistent', USER: ACCOUNT },
		/** Gives a folder (made if missing) to the account. */
		own: (folder) => {
			fs.mkdirSync(folder, { recursive: true });
			fs.chownSync(folder, uid, gid);
		},
	};
}

module.exports = { servicesAccount };
