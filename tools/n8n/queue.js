'use strict';
// n8n in queue mode, as users outgrow one process: Redis and PostgreSQL of the test's own
// (tools/services/), a main process, workers and one webhook processor, each with its own user
// folder and this package installed in it, all in one folder of the test, stopped by PID.
// The main process serves the editor and the API but no production webhooks
// (N8N_DISABLE_PRODUCTION_MAIN_PROCESS): deliveries go through the webhook processor, executions
// run on the workers.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startPostgres, startRedis } = require('../services');
const { packAndUnpack } = require('../package/pack');
const { N8nInstance } = require('./instance');
const { ensureN8n } = require('./install');

/** Jobs a worker runs at once (n8n warns below 5). */
const WORKER_CONCURRENCY = 10;

/** How a worker names in its log the executions it runs (same text on 1.x and 2.x, scaling/job-processor.js). */
const STARTED_LINE = /Worker started execution (\d+) \(job (\d+)\)/g;

class N8nQueue {
	constructor(install, folder) {
		this.install = install;
		this.folder = folder;
		this.workers = [];
	}

	/**
	 * Sets up n8n `version` in queue mode with `workers` workers; `env` is added to every process's
	 * environment (e.g. shorter Bull lock times for a test that kills a worker).
	 */
	static async create(version, { workers = 2, env = {} } = {}) {
		const install = ensureN8n(version);
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), `voice-agents-queue-${install.line}-`));
		// The services account must reach its folders inside (see tools/services/account.js).
		fs.chmodSync(folder, 0o755);
		const queue = new N8nQueue(install, folder);
		try {
			queue.redis = await startRedis(path.join(folder, 'redis'));
			queue.postgres = await startPostgres(path.join(folder, 'postgres'));
			const packed = packAndUnpack();
			try {
				const instance = (name) => N8nInstance.create(version, { userFolder: path.join(folder, name), packed: packed.dir });
				queue.main = await instance('main');
				queue.webhook = await instance('webhook');
				for (let number = 1; number <= workers; number++) {
					const worker = await instance(`worker-${number}`);
					worker.name = `worker-${number}`;
					queue.workers.push(worker);
				}
			} finally {
				packed.cleanup();
			}
			queue.configure(env);
			return queue;
		} catch (error) {
			await queue.stop();
			throw error;
		}
	}

	/** The environment of queue mode, the same for every process but for its role. */
	configure(extra) {
		const shared = {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.postgres.host,
			DB_POSTGRESDB_PORT: String(this.postgres.port),
			DB_POSTGRESDB_DATABASE: this.postgres.database,
			DB_POSTGRESDB_USER: this.postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			// n8n's default pool of 2 connections queues a burst of webhook requests behind one another
			// until its 5-second health ping times out; the process then answers 503 "Database is not
			// ready!" until a ping gets through. A pool of 10, as a deployment taking bursts would set.
			DB_POSTGRESDB_POOL_SIZE: '10',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: this.redis.host,
			QUEUE_BULL_REDIS_PORT: String(this.redis.port),
			// The address the platforms (the sandbox) call back: the webhook processor.
			WEBHOOK_URL: `${this.webhook.url}/`,
			...extra,
		};
		for (const instance of [this.main, this.webhook, ...this.workers]) Object.assign(instance.env, shared);
		this.main.env.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
	}

	get url() {
		return this.main.url;
	}

	/** Where production webhooks are served: the webhook processor. */
	get webhookUrl() {
		return this.webhook.url;
	}

	/** The main process first (it migrates the database), then the workers and the webhook processor. */
	async start() {
		await this.main.start();
		await Promise.all(this.workers.map((worker) => this.startWorker(worker)));
		await this.webhook.start({ command: ['webhook'], readyLine: 'Webhook listener waiting for requests.' });
	}

	/** Starts a worker; started again after `stopWorker`, it logs to a new file (its earlier log is kept). */
	startWorker(worker) {
		const logFile = worker.earlierLog === undefined ? undefined : path.join(worker.userFolder, `n8n-worker-${++worker.restarts}.log`);
		return worker.start({ command: ['worker', `--concurrency=${WORKER_CONCURRENCY}`], readyLine: 'n8n worker is now ready', server: false, logFile });
	}

	/**
	 * Stops a worker as a deployment scaling down or restarting it would (SIGTERM: n8n's graceful
	 * shutdown); what it logged stays counted in `executionsByWorker`.
	 */
	async stopWorker(worker) {
		await worker.stop();
		worker.earlierLog = (worker.earlierLog ?? '') + worker.log();
		worker.restarts = worker.restarts ?? 0;
		worker.logFile = undefined;
	}

	/**
	 * Which worker ran which execution. n8n does not store it with the execution (a worker reports
	 * its host ID to the main process only in passing, in the job's progress messages), so this is
	 * read from each worker's own log: `Worker started execution <id> (job <job>)`. An execution a
	 * worker started twice (a stalled job run again) is listed twice.
	 */
	executionsByWorker() {
		return Object.fromEntries(
			this.workers.map((worker) => [worker.name, [...`${worker.earlierLog ?? ''}${worker.log()}`.matchAll(STARTED_LINE)].map((match) => match[1])]),
		);
	}

	/** The workers that started execution `id`, in the order of their names. */
	workersOf(id) {
		return Object.entries(this.executionsByWorker()).flatMap(([name, ids]) => ids.filter((started) => started === String(id)).map(() => name));
	}

	// Set-up through the main process's command line (before start), reading through its API.
	importCredentials(credentials) {
		return this.main.importCredentials(credentials);
	}

	importWorkflows(workflows) {
		return this.main.importWorkflows(workflows);
	}

	activate(workflowId) {
		return this.main.activate(workflowId);
	}

	waitForWebhook(pathName, timeoutMs) {
		return this.webhook.waitForWebhook(pathName, timeoutMs);
	}

	get api() {
		return this.main.api;
	}

	/** Stops every n8n process, then Redis and PostgreSQL, each by its PID; removes the folder. */
	async stop() {
		const instances = [this.webhook, ...this.workers, this.main].filter(Boolean);
		await Promise.all(instances.map((instance) => instance.stop()));
		await this.redis?.stop();
		await this.postgres?.stop();
		if (!process.env.N8N_E2E_KEEP_FOLDERS) fs.rmSync(this.folder, { recursive: true, force: true });
	}
}

module.exports = { N8nQueue };
