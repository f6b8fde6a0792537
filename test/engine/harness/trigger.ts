// A trigger node in an active workflow: its webhook lifecycle (activation) through n8n-core's
// HookContext and its deliveries through n8n-core's WebhookContext.
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

/** The workflow's static data persists between calls, as it does in n8n. */
export class TriggerUnderTest {
	readonly node: INode;

	readonly workflow: Workflow;

	private readonly credentials: Record<string, ICredentialDataDecryptedObject>;

	constructor(type: string, parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject> = {}) {
		this.credentials = credentials;
		this.node = nodeUnderTest({ id: 'trigger-under-test', name: 'Trigger Under Test', type, webhookId: 'webhook-under-test' }, parameters, credentials);
		this.workflow = new Workflow({
			id: 'trigger-test',
			name: 'Trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: new TestNodeTypes(),
			staticData: {},
		});
	}

	private get nodeType() {
		return new TestNodeTypes().getByNameAndVersion(this.node.type, 1);
	}

	private get webhookDescription() {
		const [description] = this.nodeType.description.webhooks ?? [];
		return description;
	}

	private get webhookData() {
		const description = this.webhookDescription;
		return { httpMethod: 'POST', node: this.node.name, path: description?.path ?? '', webhookDescription: description ?? {}, workflowId: 'trigger-test', webhookId: this.node.webhookId } as never;
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
		const context = new WebhookContext(this.workflow, this.node, additionalData, 'webhook', this.webhookData, [], null);
		const result = await this.nodeType.webhook!.call(context);
		return { result, response };
	}
}

/** One delivery to a fresh trigger. */
export async function deliverWebhook(type: string, parameters: IDataObject, request: WebhookRequestDouble) {
	return await new TriggerUnderTest(type, parameters).deliver(request);
}

/** One lifecycle method of a fresh trigger. */
export async function runWebhookMethod(type: string, parameters: IDataObject, method: 'checkExists' | 'create' | 'delete') {
	return await new TriggerUnderTest(type, parameters).lifecycle(method);
}
