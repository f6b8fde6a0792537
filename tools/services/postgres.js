'use strict';
// A PostgreSQL of the test's own: a new cluster in the test's folder (initdb), listening on
// 127.0.0.1 on a free port and on no Unix socket, run as the services account; stopped by its PID.
// Durability is off (fsync, synchronous commit): the data lives as long as the test.
const path = require('node:path');

const { freePort } = require('../n8n/env');
const { servicesAccount } = require('./account');
const { postgresPrograms } = require('./debian');
const { ServiceProcess, runAs } = require('./process');

const USER = 'n8n';
const DATABASE = 'postgres';

/** Starts PostgreSQL in `folder` (made if missing); resolves with where it listens and `stop()`. */
async function startPostgres(folder) {
	const { initdb, postgres } = postgresPrograms();
	const account = servicesAccount();
	account.own(folder);
	const data = path.join(folder, 'data');
	runAs(account, initdb, ['-D', data, '-U', USER, '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
	const port = await freePort();
	const args = [
		'-D', data,
		'-c', 'listen_addresses=127.0.0.1',
		'-c', `port=${port}`,
		'-c', 'unix_socket_directories=',
		'-c', 'fsync=off',
		'-c', 'synchronous_commit=off',
		'-c', 'full_page_writes=off',
		'-c', 'max_connections=200',
	];
	const server = new ServiceProcess('postgres', account, postgres, args, path.join(folder, 'postgres.log'));
	await server.ready(/database system is ready to accept connections/);
	return {
		host: '127.0.0.1',
		port,
		user: USER,
		database: DATABASE,
		pid: server.pid,
		// SIGINT is PostgreSQL's fast shutdown: sessions are ended, the server exits at once.
		stop: () => server.stop('SIGINT'),
	};
}

module.exports = { startPostgres };
