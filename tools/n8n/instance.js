'use strict';
// One real n8n for the end-to-end tests, the demo and the benchmarks: installed (or taken from the
// cache) with this package, in its own user folder and on its own ports; driven through its
// command line (cli.js) and, once started, its REST API (api.js).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { N8nApi } = require('./api');
const { N8nCli } = require('./cli');
const { freePort, n8nEnv } = require('./env');
const { databaseFile, installPackage, recordInstalledPackage } = require('./communityPackage');
const { ensureN8n } = require('./install');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const READY_TIMEOUT_MS = 180000;

class N8nInstance {
	constructor(install, userFolder, port, brokerPort) {
		this.install = install;
		this.userFolder = userFolder;
		this.port = port;
		this.url = `http://127.0.0.1:${port}`;
		this.env = n8nEnv(install, userFolder, port, brokerPort);
		this.cli = new N8nCli(install, this.env, userFolder);
		this.api = new N8nApi(this.url);
	}

	/**
	 * n8n `version` with this package installed, in `userFolder` (default: a new temporary one), on
	 * `port` (default: a free one). `packed`: the package already packed and unpacked (see installPackage).
	 */
	static async create(version, { userFolder, port, packed } = {}) {
		const install = ensureN8n(version);
		const folder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `voice-agents-n8n-${install.line}-`));
		const instance = new N8nInstance(install, folder, port ?? (await freePort()), await freePort());
		instance.packageManifest = installPackage(folder, packed);
		return instance;
	}

	/**
	 * Starts `n8n start` (or `command`, e.g. `['worker']`) and resolves once its log holds `readyLine`
	 * and, for a server, `/healthz/readiness` answers: it answers before active workflows are
	 * registered, so the log line n8n prints after activating them is awaited too.
	 */
	async start({ logFile, command = ['start'], readyLine = 'Editor is now accessible via', server: isServer = true } = {}) {
		// Settings → Community Nodes reads the rows from the database: written once, by the main process.
		if (command[0] === 'start' && this.env.DB_TYPE === 'sqlite') await this.recordPackage();
		this.logFile = logFile ?? path.join(this.userFolder, `n8n-${command[0]}.log`);
		fs.writeFileSync(this.logFile, '');
		const out = fs.openSync(this.logFile, 'a');
		const server = this.cli.spawn(command, ['ignore', out, out]);
		this.server = server;
		fs.closeSync(out);
		// Never leave an n8n behind, whatever ends this process.
		process.once('exit', () => server.exitCode === null && server.kill('SIGKILL'));
		const logTail = () => this.log().slice(-2000);
		const until = Date.now() + READY_TIMEOUT_MS;
		while (Date.now() < until) {
			if (server.exitCode !== null) throw new Error(`n8n ${command[0]} exited with ${server.exitCode}: ${logTail()}`);
			if (this.log().includes(readyLine)) {
				if (!isServer) return;
				const response = await fetch(`${this.url}/healthz/readiness`).catch(() => undefined);
				if (response?.ok) return;
			}
			await sleep(250);
		}
		throw new Error(`n8n ${command[0]} did not become ready within ${READY_TIMEOUT_MS / 1000} s: ${logTail()}`);
	}

	/** What the running process has logged so far. */
	log() {
		return this.logFile && fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/** Ends the process at once (SIGKILL by its PID), as a crash or an out-of-memory kill would. */
	async kill() {
		const server = this.server;
		if (!server || server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		process.kill(server.pid, 'SIGKILL');
		await exited;
	}

	/**
	 * Waits until a POST webhook path is registered: 2.x activates published workflows after it
	 * reports ready. A GET to a POST-only webhook answers "not registered for GET requests" once it
	 * exists, and starts no execution.
	 */
	/**
	 * Records this package in the database as n8n's community-package installer does, so that
	 * Settings → Community Nodes lists it. Any n8n command creates the database; an instance
	 * started before any import gets one from `list:workflow`.
	 */
	async recordPackage() {
		if (!fs.existsSync(databaseFile(this.userFolder))) await this.cli.mustRun(['list:workflow'], 'creating the database');
		recordInstalledPackage(this.install, this.userFolder, this.packageManifest);
	}

	async waitForWebhook(pathName, timeoutMs = 60000) {
		const until = Date.now() + timeoutMs;
		while (Date.now() < until) {
			const response = await fetch(`${this.url}/webhook/${pathName}`).catch(() => undefined);
			const text = response ? await response.text() : '';
			if (response && (response.status !== 404 || text.includes('not registered for GET'))) return;
			await sleep(250);
		}
		throw new Error(`webhook /webhook/${pathName} was not registered within ${timeoutMs} ms`);
	}

	async stop() {
		const server = this.server;
		this.server = undefined;
		if (!server || server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 15000);
		await exited;
		clearTimeout(timer);
	}

	/**
	 * Stops n8n and starts it again in the same user folder, on the same ports: its database (the
	 * workflows, the executions, a waiting one too) is kept; the API session and key are too.
	 */
	async restart() {
		await this.stop();
		await this.start({ logFile: this.logFile });
	}

	/** The process ID of the running server (for measuring it). */
	get pid() {
		return this.server?.pid;
	}

	// What tests and the demo ask of an instance, answered by its command line …
	importCredentials(credentials) {
		return this.cli.importCredentials(credentials);
	}

	importWorkflows(workflows) {
		return this.cli.importWorkflows(workflows);
	}

	execute(workflowId, options) {
		return this.cli.execute(workflowId, options);
	}

	activate(workflowId) {
		return this.cli.activate(workflowId);
	}

	// … or, once started, by its REST API.
	/** Sets up the instance owner while there is none; returns the login. */
	ensureOwner() {
		return this.api.ownerLogin();
	}

	executions(workflowId) {
		return this.api.executions(workflowId);
	}

	waitForExecution(workflowId, since, timeoutMs) {
		return this.api.waitForExecution(workflowId, since, timeoutMs);
	}

	execution(id, options) {
		return this.api.execution(id, options);
	}

	waitForStatus(id, statuses, timeoutMs, options) {
		return this.api.waitForStatus(id, statuses, timeoutMs, options);
	}

	testCredential(credential) {
		return this.api.testCredential(credential);
	}
}

module.exports = { N8nInstance };
