'use strict';
// n8n's command line for one instance: import credentials and workflows, run a workflow headlessly
// (`n8n execute --rawOutput`, its run JSON read from between log lines), activate a workflow.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

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

class N8nCli {
	/**
	 * @param {{ nodeBinary: string, n8nBin: string, line: string }} install
	 * @param {Record<string, string>} env
	 * @param {string} userFolder
	 */
	constructor(install, env, userFolder) {
		this.install = install;
		this.env = env;
		this.userFolder = userFolder;
	}

	/** `n8n <args>` as a child process of this instance (the server too: `spawn(['start'], …)`). */
	spawn(args, stdio) {
		return spawn(this.install.nodeBinary, [this.install.n8nBin, ...args], { env: this.env, cwd: this.userFolder, stdio });
	}

	/** Runs a command to its end; resolves with its exit code and output. */
	run(args, { timeoutMs = 120000, onSpawn } = {}) {
		return new Promise((resolve, reject) => {
			const child = this.spawn(args, ['ignore', 'pipe', 'pipe']);
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

	/** Runs a command that must succeed; its output becomes the error otherwise. */
	async mustRun(args, what) {
		const result = await this.run(args);
		if (result.code !== 0) throw new Error(`${what} failed: ${result.stderr}${result.stdout}`);
		return result;
	}

	/** `n8n import:<kind> --input=<file>`, the data written to a file in the user folder first. */
	async import(kind, data) {
		const file = path.join(this.userFolder, `${kind}-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		await this.mustRun([`import:${kind}`, `--input=${file}`], `import:${kind}`);
	}

	/** Credentials as `{ id, name, type, data }`; n8n encrypts `data` with the instance's key. */
	async importCredentials(credentials) {
		await this.import('credentials', credentials);
	}

	async importWorkflows(workflows) {
		await this.import('workflow', workflows);
	}

	/** Runs a workflow headlessly; returns `{ code, run }` with the run JSON n8n printed. */
	async execute(workflowId, options = {}) {
		const result = await this.run(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		return { code: result.code, run: parseRunOutput(result.stdout), stdout: result.stdout, stderr: result.stderr };
	}

	/** Activates a workflow's triggers for the next `n8n start` (1.x: update, 2.x: publish). */
	async activate(workflowId) {
		const args =
			this.install.line === '1.x'
				? ['update:workflow', `--id=${workflowId}`, '--active=true']
				: ['publish:workflow', `--id=${workflowId}`];
		await this.mustRun(args, `activating ${workflowId}`);
	}
}

module.exports = { N8nCli, parseRunOutput };
