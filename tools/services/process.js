'use strict';
// A service process the tests start (Redis, PostgreSQL): run as the services account, its output
// in a log file in the test's own folder, ready when its log says so, stopped by its PID.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a program to its end as `account`; throws with its output when it fails. */
function runAs(account, program, args, { env = {} } = {}) {
	const result = spawnSync(program, args, { ...account.spawnOptions, env: { ...account.env, ...env }, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.stdout}`);
	return result;
}

class ServiceProcess {
	/**
	 * @param {string} name for messages
	 * @param {{ spawnOptions: object, env: object }} account who runs it (see account.js)
	 * @param {string} program
	 * @param {string[]} args
	 * @param {string} logFile
	 */
	constructor(name, account, program, args, logFile) {
		this.name = name;
		this.logFile = logFile;
		const out = fs.openSync(logFile, 'a');
		this.child = spawn(program, args, { ...account.spawnOptions, env: account.env, stdio: ['ignore', out, out] });
		fs.closeSync(out);
		this.pid = this.child.pid;
		this.exited = new Promise((resolve) => this.child.once('exit', resolve));
		// Never leave a service behind, whatever ends this process.
		this.onExit = () => this.child.exitCode === null && this.child.kill('SIGKILL');
		process.once('exit', this.onExit);
	}

	log() {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/** Resolves once the log holds `pattern`; fails when the process exits first or time runs out. */
	async ready(pattern, timeoutMs = 60000) {
		const until = Date.now() + timeoutMs;
		while (Date.now() < until) {
			if (pattern.test(this.log())) return;
			if (this.child.exitCode !== null) throw new Error(`${this.name} exited with ${this.child.exitCode}: ${this.log().slice(-2000)}`);
			await sleep(100);
		}
		throw new Error(`${this.name} was not ready within ${timeoutMs} ms: ${this.log().slice(-2000)}`);
	}

	/** Stops the process by its PID with `signal`, then SIGKILL if it has not exited in time. */
	async stop(signal = 'SIGTERM', timeoutMs = 15000) {
		process.removeListener('exit', this.onExit);
		if (this.child.exitCode !== null || this.child.signalCode !== null) return;
		process.kill(this.pid, signal);
		const timer = setTimeout(() => this.child.exitCode === null && process.kill(this.pid, 'SIGKILL'), timeoutMs);
		await this.exited;
		clearTimeout(timer);
	}
}

module.exports = { ServiceProcess, runAs };
