// n8n's waiting executions, in small. A node run that puts its execution to wait is kept as n8n
// stores it (its data as JSON, nothing in memory), and its resume URL is served by a local HTTP
// server the way n8n's /webhook-waiting/ serves it: 2.x's per-execution token checked first, then
// the waiting node's restart webhook matched by path and method, its `webhook()` run with n8n-core's
// WebhookContext over the stored execution, and the execution resumed through WorkflowExecute when
// the webhook returns workflowData (declined otherwise: nothing stored changes). `timeOut()` does
// what n8n's wait tracker does when the time limit passes. (n8n: packages/cli waiting-webhooks.ts,
// webhook-helpers.ts, wait-tracker.ts.)
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { WebhookContext } from 'n8n-core';
import { createRunExecutionData } from 'n8n-workflow';
import type { INode, IRunExecutionData, Workflow } from 'n8n-workflow';

import { additionalDataFor, nextExecutionId } from './additionalData';
import { executeRun, resultOf, startStack, workflowOf } from './runNode';
import type { NodeRunOptions, NodeRunResult } from './runNode';
import { ResponseDouble } from './trigger';

type Status = 'waiting' | 'running' | 'success' | 'error';

/** One execution as n8n keeps it between runs. */
export class StoredExecution {
	status: Status = 'running';

	/** The execution's data as stored (JSON): what a resume or a time-out starts from. */
	stored = '';

	/** Every answer to a request to the resume URL, in order. */
	readonly answers: Array<{ status: number; body: unknown }> = [];

	/** Errors thrown by the node's webhook() (n8n would resume the execution as failed). */
	readonly webhookErrors: Error[] = [];

	private settle: (result: NodeRunResult) => void = () => {};

	/** Resolves when the execution ends (resumed or timed out). */
	readonly finished = new Promise<NodeRunResult>((resolve) => (this.settle = resolve));

	latest?: NodeRunResult;

	constructor(
		readonly id: string,
		readonly workflow: Workflow,
		readonly node: INode,
		readonly options: NodeRunOptions,
		private readonly extra: object,
	) {}

	get data(): IRunExecutionData {
		return JSON.parse(this.stored) as IRunExecutionData;
	}

	/** Runs (or resumes) the execution from `data`; stores it if it waits again. */
	async run(data: IRunExecutionData): Promise<NodeRunResult> {
		this.status = 'running';
		const mode = this.options.mode ?? 'manual';
		const run = await executeRun(this.workflow, data, { executionId: this.id, mode, credentials: this.options.credentials, extra: this.extra });
		this.latest = resultOf(run);
		if (run.waitTill) {
			this.status = 'waiting';
			this.stored = JSON.stringify(run.data);
		} else {
			this.status = run.data.resultData.error ? 'error' : 'success';
			this.settle(this.latest);
		}
		return this.latest;
	}

	/** What n8n's wait tracker does at the time limit: the stored execution runs on from the waiting node. */
	async timeOut(): Promise<NodeRunResult> {
		if (this.status !== 'waiting') throw new Error(`execution ${this.id} is ${this.status}, not waiting`);
		return await this.run(this.data);
	}

	/** A request to this execution's resume URL, as n8n's waiting webhooks handle it. */
	async resumeRequest(url: URL, body: unknown, rawBody: Buffer): Promise<{ status: number; body: unknown }> {
		const data = this.data;
		const token = url.searchParams.get('signature') ?? '';
		const expected = data.resumeToken ?? '';
		if (token.length !== expected.length || !timingSafeEqual(Buffer.from(token), Buffer.from(expected))) return { status: 401, body: { error: 'Invalid token' } };
		if (this.status === 'running') return { status: 409, body: { message: `The execution "${this.id}" is running already.` } };
		if (this.status !== 'waiting') return { status: 409, body: { message: `The execution "${this.id} has finished already.` } };

		const suffix = decodeURIComponent(url.pathname.split('/')[3] ?? '');
		const nodeType = this.workflow.nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
		const mode = this.options.mode ?? 'manual';
		const description = nodeType.description.webhooks?.find(
			(webhook) =>
				webhook.restartWebhook === true &&
				webhook.httpMethod === 'POST' &&
				String(this.workflow.expression.getSimpleParameterValue(this.node, webhook.path, mode, {})).replace(/^\/+|\/+$/g, '') === suffix,
		);
		if (!description) return { status: 404, body: { message: 'no waiting webhook with a matching path/method' } };

		// In memory only, as n8n does: the node is disabled so that it passes on what webhook() returns.
		data.executionData!.nodeExecutionStack[0].node.disabled = true;
		data.waitTill = undefined;
		data.resultData.runData[data.resultData.lastNodeExecuted!]?.pop();
		const response = new ResponseDouble();
		const additionalData = additionalDataFor(this.options.credentials, {
			...this.extra,
			executionId: this.id,
			httpRequest: { body, rawBody, headers: { 'content-type': 'application/json' }, query: Object.fromEntries(url.searchParams), params: {} },
			httpResponse: response,
		});
		const webhookData = { httpMethod: 'POST', node: this.node.name, path: suffix, webhookDescription: description, workflowId: this.workflow.id } as never;
		const context = new WebhookContext(this.workflow, this.node, additionalData, mode, webhookData, [], data);
		const result = await nodeType.webhook!.call(context).catch((error: Error) => error);
		if (result instanceof Error) {
			this.webhookErrors.push(result);
			return { status: 500, body: { message: result.message } };
		}
		if (result.noWebhookResponse) return { status: response.statusCode, body: response.body };
		if (result.workflowData === undefined) return { status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' } };
		data.executionData!.nodeExecutionStack[0].data.main = result.workflowData;
		this.status = 'running';
		void this.run(data);
		return { status: 200, body: result.webhookResponse };
	}
}

/** Runs nodes whose executions may wait, and serves their resume URLs. */
export class WaitingExecutions {
	readonly executions = new Map<string, StoredExecution>();

	private constructor(
		private readonly server: http.Server,
		readonly baseUrl: string,
	) {}

	static async start(): Promise<WaitingExecutions> {
		let waiting: WaitingExecutions | undefined;
		const server = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				void waiting!.serve(request, Buffer.concat(chunks)).then(({ status, body }) => {
					response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? {}));
				});
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		waiting = new WaitingExecutions(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook-waiting`);
		return waiting;
	}

	private async serve(request: http.IncomingMessage, rawBody: Buffer) {
		const url = new URL(request.url ?? '/', 'http://n8n');
		const [, prefix, executionId] = url.pathname.split('/');
		const execution = prefix === 'webhook-waiting' ? this.executions.get(decodeURIComponent(executionId ?? '')) : undefined;
		if (!execution || request.method !== 'POST') return { status: 404, body: { message: 'The execution does not exist.' } };
		let body: unknown;
		try {
			body = rawBody.length > 0 ? JSON.parse(rawBody.toString()) : {};
		} catch {
			body = {};
		}
		const answer = await execution.resumeRequest(url, body, rawBody);
		execution.answers.push(answer);
		return answer;
	}

	/** Posts to a resume URL as a platform (or someone else) would. */
	async post(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		return { status: response.status, body: await response.json().catch(() => undefined) };
	}

	/** Runs one node, fed with `items`, as a new execution (with 2.x's resume token). */
	async run(options: NodeRunOptions): Promise<StoredExecution> {
		const { node, workflow } = workflowOf(options);
		const execution = new StoredExecution(nextExecutionId(), workflow, node, options, { webhookWaitingBaseUrl: this.baseUrl });
		this.executions.set(execution.id, execution);
		await execution.run(createRunExecutionData({ executionData: { nodeExecutionStack: startStack(node, options.items) } }));
		return execution;
	}

	async close() {
		await new Promise((resolve) => this.server.close(resolve));
	}
}

/** Waits until `check` holds (deliveries arrive in their own time). */
export async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > until) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

