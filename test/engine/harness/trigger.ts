// A trigger node in an active workflow: its webhook lifecycle (activation) through n8n-core's
// HookContext and its deliveries through n8n-core's WebhookContext.
import http from 'node:http';

import { HookContext, WebhookContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import { additionalDataFor, WEBHOOK_BASE_URL } from './additionalData';
import { nodeUnderTest, TestNodeTypes } from './registry';

/** What a trigger answered directly (401, 400, filtered 200), captured like an Express response. */
export class ResponseDouble {
	statusCode = 200;

	body: unknown;

	ended = false;

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	json(body: unknown) {
		this.body = body;
		this.ended = true;
		return this;
	}

	send(body: unknown) {
		return this.json(body);
	}

	end() {
		this.ended = true;
		return this;
	}

	setHeader() {
		return this;
	}
}

export interface WebhookRequestDouble {
	body: unknown;
	/** The bytes as sent; defaults to the JSON of `body`. */
	rawBody?: Buffer;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

export interface TriggerOptions {
	/** The node's version (default 1). */
	typeVersion?: number;
	/** The workflow's ID (default: a new one per trigger, as each is its own workflow). */
	workflowId?: string;
	/** How n8n runs the webhook: `webhook` (production URL, the default) or `manual` (test URL). */
	mode?: 'webhook' | 'manual';
}

let workflows = 0;

/** The workflow's static data persists between calls, as it does in n8n. */
export class TriggerUnderTest {
	readonly node: INode;

	readonly workflow: Workflow;

	private readonly credentials: Record<string, ICredentialDataDecryptedObject>;

	private readonly mode: 'webhook' | 'manual';

	constructor(
		type: string,
		parameters: IDataObject,
		credentials: Record<string, ICredentialDataDecryptedObject> = {},
		{ typeVersion = 1, workflowId = `trigger-test-${++workflows}`, mode = 'webhook' }: TriggerOptions = {},
	) {
		this.credentials = credentials;
		this.mode = mode;
		this.node = nodeUnderTest({ id: 'trigger-under-test', name: 'Trigger Under Test', type, webhookId: 'webhook-under-test', typeVersion }, parameters, credentials);
		this.workflow = new Workflow({
			id: workflowId,
			name: 'Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new TestNodeTypes(),
			staticData: {},
		});
	}

	private get nodeType() {
		return new TestNodeTypes().getByNameAndVersion(this.node.type, this.node.typeVersion);
	}

	private get webhookDescription() {
		const [description] = this.nodeType.description.webhooks ?? [];
		return description;
	}

	private get webhookData() {
		const description = this.webhookDescription;
		return { httpMethod: 'POST', node: this.node.name, path: description?.path ?? '', webhookDescription: description ?? {}, workflowId: this.workflow.id, webhookId: this.node.webhookId } as never;
	}

	/** The production URL n8n would show for this trigger. */
	get productionUrl(): string {
		return `${WEBHOOK_BASE_URL}/${this.node.webhookId}/${this.webhookDescription?.path}`;
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node) as IDataObject;
	}

	async lifecycle(method: 'checkExists' | 'create' | 'delete') {
		const context = new HookContext(this.workflow, this.node, additionalDataFor(this.credentials), 'trigger', 'activate', this.webhookData);
		return await this.nodeType.webhookMethods!.default![method]!.call(context);
	}

	/** What n8n does on activation: create the webhook unless it already exists. */
	async activate() {
		if (!(await this.lifecycle('checkExists'))) await this.lifecycle('create');
	}

	async deliver(request: WebhookRequestDouble) {
		const response = new ResponseDouble();
		const additionalData = additionalDataFor(this.credentials, {
			httpRequest: {
				body: request.body,
				rawBody: request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {})),
				headers: request.headers ?? {},
				query: request.query ?? {},
				params: {},
			},
			httpResponse: response,
		});
		const context = new WebhookContext(this.workflow, this.node, additionalData, this.mode, this.webhookData, [], null);
		const result = await this.nodeType.webhook!.call(context);
		return { result, response };
	}
}

/** What a served trigger received: the items of each execution it started, and every answer's status. */
export interface ServedTrigger {
	/** The URL below which the server passes requests to the trigger (any path, any query). */
	url: string;
	started: IDataObject[];
	statuses: number[];
	close(): Promise<void>;
}

/**
 * Serves a trigger on 127.0.0.1 as n8n's webhook server would: the raw body, headers and query of
 * each request reach the node as the sender sent them (a fake's signed or secret-carrying
 * deliveries), and its answer goes back.
 */
export async function serveTrigger(trigger: TriggerUnderTest): Promise<ServedTrigger> {
	const started: IDataObject[] = [];
	const statuses: number[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', async () => {
			const raw = Buffer.concat(chunks);
			const query = Object.fromEntries(new URL(request.url ?? '/', 'http://trigger').searchParams);
			const { result, response: answer } = await trigger.deliver({ body: JSON.parse(raw.toString() || '{}'), rawBody: raw, headers: request.headers as Record<string, string>, query });
			for (const item of result.workflowData?.[0] ?? []) started.push(item.json);
			statuses.push(answer.statusCode);
			response.writeHead(answer.statusCode).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook`,
		started,
		statuses,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** One delivery to a fresh trigger. */
export async function deliverWebhook(
	type: string,
	parameters: IDataObject,
	request: WebhookRequestDouble,
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
	options: TriggerOptions = {},
) {
	return await new TriggerUnderTest(type, parameters, credentials, options).deliver(request);
}

/** One lifecycle method of a fresh trigger. */
export async function runWebhookMethod(
	type: string,
	parameters: IDataObject,
	method: 'checkExists' | 'create' | 'delete',
	credentials: Record<string, ICredentialDataDecryptedObject> = {},
	options: TriggerOptions = {},
) {
	return await new TriggerUnderTest(type, parameters, credentials, options).lifecycle(method);
}
