'use strict';
// A Redis of the test's own: on 127.0.0.1 on a free port, nothing saved to disk, run as the
// services account in the test's folder; stopped by its PID.
const path = require('node:path');

const { freePort } = require('../n8n/env');
const { servicesAccount } = require('./account');
const { redisServer } = require('./debian');
const { ServiceProcess } = require('./process');

/** Starts Redis in `folder` (made if missing); resolves with where it listens and `stop()`. */
async function startRedis(folder) {
	const program = redisServer();
	const account = servicesAccount();
	account.own(folder);
	const port = await freePort();
	const args = ['--bind', '127.0.0.1', '--port', String(port), '--dir', folder, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''];
	const server = new ServiceProcess('redis', account, program, args, path.join(folder, 'redis.log'));
	await server.ready(/Ready to accept connections/);
	return { host: '127.0.0.1', port, pid: server.pid, stop: () => server.stop('SIGTERM') };
}

module.exports = { startRedis };
