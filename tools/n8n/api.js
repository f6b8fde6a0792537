'use strict';
// n8n's REST API of a running instance: the owner (set up while there is none, else logged in,
// once per instance), an API key for the public API, the executions n8n recorded (and their status,
// e.g. waiting), and the editor's credential "Test" button.
const OWNER = { email: 'owner@example.com', firstName: 'Demo', lastName: 'Owner', password: 'Sandbox-Passw0rd!' };
const SCOPES = ['execution:read', 'execution:list', 'workflow:read', 'workflow:list'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class N8nApi {
	constructor(url) {
		this.url = url;
		/** Executions already returned by waitForExecution. */
		this.seenExecutions = new Set();
	}

	post(path, body, headers = {}) {
		return fetch(`${this.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	}

	/** The owner's session cookie: sets the owner up while there is none (a fresh user folder), else logs in. */
	async session() {
		if (this.cookie) return this.cookie;
		const setup = await this.post('/rest/owner/setup', OWNER);
		let cookie = setup.headers.get('set-cookie');
		if (!setup.ok || !cookie) {
			const login = await this.post('/rest/login', { emailOrLdapLoginId: OWNER.email, email: OWNER.email, password: OWNER.password });
			cookie = login.headers.get('set-cookie');
			if (!login.ok || !cookie) throw new Error(`n8n login failed: ${login.status} ${await login.text()}`);
		}
		this.cookie = cookie.split(';')[0];
		return this.cookie;
	}

	/** What the editor's login form wants, once the owner exists. */
	async ownerLogin() {
		await this.session();
		return { email: OWNER.email, password: OWNER.password };
	}

	/** A request of the editor's REST API, as the owner. */
	async asOwner(path, body) {
		const response = await this.post(path, body, { cookie: await this.session(), 'browser-id': 'e2e' });
		const answer = await response.json();
		if (!response.ok) throw new Error(`${path} failed: ${response.status} ${JSON.stringify(answer)}`);
		return answer.data;
	}

	/** A key for the public API (`/api/v1`), created once. */
	async apiKey() {
		if (!this.key) {
			const created = await this.asOwner('/rest/api-keys', { label: `e2e-${Date.now()}`, expiresAt: null, scopes: SCOPES });
			this.key = created.rawApiKey ?? created.apiKey;
		}
		return this.key;
	}

	/** Executions of a workflow as n8n recorded them, newest first, with their data. */
	async executions(workflowId) {
		const response = await fetch(`${this.url}/api/v1/executions?workflowId=${workflowId}&includeData=true`, {
			headers: { 'X-N8N-API-KEY': await this.apiKey() },
		});
		if (!response.ok) throw new Error(`listing executions failed: ${response.status} ${await response.text()}`);
		return (await response.json()).data;
	}

	/** Every execution of a workflow n8n's public API lists (it pages by 250 at most), newest first. */
	async allExecutions(workflowId, { includeData = false } = {}) {
		const found = [];
		let cursor;
		do {
			const query = new URLSearchParams({ workflowId, includeData: String(includeData), limit: '250', ...(cursor ? { cursor } : {}) });
			const response = await fetch(`${this.url}/api/v1/executions?${query}`, { headers: { 'X-N8N-API-KEY': await this.apiKey() } });
			if (!response.ok) throw new Error(`listing executions failed: ${response.status} ${await response.text()}`);
			const page = await response.json();
			found.push(...page.data);
			cursor = page.nextCursor;
		} while (cursor);
		return found;
	}

	/**
	 * One execution as n8n recorded it (status, waitTill), with its data when asked. (The list
	 * leaves out what n8n holds as active, which in 1.x includes waiting executions.)
	 */
	async execution(id, { includeData = true } = {}) {
		const response = await fetch(`${this.url}/api/v1/executions/${id}?includeData=${includeData}`, {
			headers: { 'X-N8N-API-KEY': await this.apiKey() },
		});
		if (!response.ok) throw new Error(`reading execution ${id} failed: ${response.status} ${await response.text()}`);
		return await response.json();
	}

	/** Waits until an execution has one of `statuses` (e.g. 'waiting', 'success'); returns it (with its data unless told). */
	async waitForStatus(id, statuses, timeoutMs = 30000, { includeData = true } = {}) {
		const wanted = [statuses].flat();
		const until = Date.now() + timeoutMs;
		let last;
		while (Date.now() < until) {
			last = await this.execution(id, { includeData: false });
			if (wanted.includes(last.status)) return includeData ? await this.execution(id) : last;
			await sleep(250);
		}
		throw new Error(`execution ${id} did not become ${wanted.join(' or ')} within ${timeoutMs} ms (last: ${last?.status})`);
	}

	/**
	 * Waits for a finished execution of a workflow that started at or after `since` (ms) and was not
	 * returned before, and returns it.
	 */
	async waitForExecution(workflowId, since, timeoutMs = 30000) {
		const until = Date.now() + timeoutMs;
		while (Date.now() < until) {
			const found = (await this.executions(workflowId)).find(
				(execution) => !this.seenExecutions.has(execution.id) && execution.stoppedAt && Date.parse(execution.startedAt) >= since,
			);
			if (found) {
				this.seenExecutions.add(found.id);
				return found;
			}
			await sleep(250);
		}
		throw new Error(`no execution of ${workflowId} within ${timeoutMs} ms`);
	}

	/** The editor's "Test" button for a credential: n8n runs the credential's own test request. */
	async testCredential({ id, name, type, data }) {
		return await this.asOwner('/rest/credentials/test', { credentials: { id, name, type, data } });
	}
}

module.exports = { N8nApi };
