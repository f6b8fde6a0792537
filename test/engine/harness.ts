// Runs workflows through n8n-core's real execution engine (WorkflowExecute), with the real
// request helpers (httpRequestWithAuthentication) and our credentials' own `authenticate`, so
// requests really reach the sandbox. Only the parts of n8n that live outside n8n-core (the
// credential store, the node registry) are small test doubles here.
import { ExecutionLifecycleHooks, HookContext, LoadOptionsContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { KlenAiApi } from '../../credentials/KlenAiApi.credentials';
import { OsviApi } from '../../credentials/OsviApi.credentials';
import { KlenAi } from '../../nodes/KlenAi/KlenAi.node';
import { KlenAiTrigger } from '../../nodes/KlenAi/KlenAiTrigger.node';
import { Osvi } from '../../nodes/Osvi/Osvi.node';
import { OsviTrigger } from '../../nodes/Osvi/OsviTrigger.node';
import { UnleashXApi } from '../../credentials/UnleashXApi.credentials';
import { UnleashX } from '../../nodes/UnleashX/UnleashX.node';
import { UnleashXTrigger } from '../../nodes/UnleashX/UnleashXTrigger.node';
import { VoiceOsApi } from '../../credentials/VoiceOsApi.credentials';
import { VoiceOs } from '../../nodes/VoiceOs/VoiceOs.node';
import { VoiceOsTrigger } from '../../nodes/VoiceOs/VoiceOsTrigger.node';

const PACKAGE = 'n8n-nodes-voice-agents';

const nodeClasses: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.osvi`]: new Osvi(),
	[`${PACKAGE}.osviTrigger`]: new OsviTrigger(),
	[`${PACKAGE}.klenAi`]: new KlenAi(),
	[`${PACKAGE}.klenAiTrigger`]: new KlenAiTrigger(),
	[`${PACKAGE}.voiceOs`]: new VoiceOs(),
	[`${PACKAGE}.voiceOsTrigger`]: new VoiceOsTrigger(),
	[`${PACKAGE}.unleashX`]: new UnleashX(),
	[`${PACKAGE}.unleashXTrigger`]: new UnleashXTrigger(),
};

const credentialClasses: Record<string, ICredentialType> = {
	osviApi: new OsviApi(),
	klenAiApi: new KlenAiApi(),
	voiceOsApi: new VoiceOsApi(),
	unleashXApi: new UnleashXApi(),
};

class TestNodeTypes implements INodeTypes {
	getByName(type: string) {
		const nodeType = nodeClasses[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/** The credential store: decrypted data by type, and generic authentication resolved as n8n does. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialClasses[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		// Same resolution as n8n's own credentials helper: every value may be an expression over $credentials.
		const resolve = (value: unknown) =>
			workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials } as IDataObject, undefined, '');
		const result = { ...requestOptions } as IHttpRequestOptions & Record<string, IDataObject>;
		for (const [section, entries] of Object.entries(authenticate.properties)) {
			const target: IDataObject = { ...((result[section] as IDataObject) ?? {}) };
			for (const [key, value] of Object.entries(entries as IDataObject)) target[key] = resolve(value) as string;
			result[section] = target;
		}
		return result;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		return { ...data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return [];
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		const node = nodeClasses[nodeType] as INodeType | undefined;
		return node?.description.credentials?.some((credential) => credential.name === credentialType) ?? false;
	}
}

let executions = 0;
/** Every run is its own execution, as in n8n (the nodes keep per-execution records by this ID). */
function nextExecutionId(): string {
	executions += 1;
	return `engine-test-${process.pid}-${executions}`;
}

export const WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';

/** What n8n hands to every context: the credential store and the instance's URLs. */
function baseAdditionalData(credentials: Record<string, ICredentialDataDecryptedObject>, executionId = nextExecutionId()) {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		executionId,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		setExecutionStatus: () => {},
		sendDataToUI: () => {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	};
}

export interface NodeRunOptions {
	/** Node type name without the package prefix, e.g. `osvi`. */
	type: string;
	parameters: IDataObject;
	items?: IDataObject[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** Node Settings → Retry On Fail, run by n8n's own retry loop. */
	retryOnFail?: { maxTries: number; waitBetweenTries?: number };
	mode?: WorkflowExecuteMode;
	timezone?: string;
}

export interface NodeRunResult {
	run?: IRun;
	/** Output items of the node (first output), or [] when it failed. */
	items: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
}

/** Runs one node, fed with `items`, through WorkflowExecute, exactly as a workflow step runs. */
export async function runNode(options: NodeRunOptions): Promise<NodeRunResult> {
	const nodeName = 'Node Under Test';
	const node: INode = {
		id: 'node-under-test',
		name: nodeName,
		type: `${PACKAGE}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			Object.keys(options.credentials).map((type) => [type, { id: `${type}-id`, name: type }]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.retryOnFail
			? { retryOnFail: true, maxTries: options.retryOnFail.maxTries, waitBetweenTries: options.retryOnFail.waitBetweenTries ?? 0 }
			: {}),
	};
	const workflow = new Workflow({
		id: 'engine-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		settings: { timezone: options.timezone ?? 'Asia/Kolkata' },
	});

	const executionId = nextExecutionId();
	const hooks = new ExecutionLifecycleHooks(options.mode ?? 'manual', executionId, {
		id: 'engine-test',
		name: 'engine test',
		active: false,
		nodes: [node],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveFinished(run));

	const additionalData = { ...baseAdditionalData(options.credentials, executionId), hooks } as unknown as IWorkflowExecuteAdditionalData;

	const input: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const stack: IExecuteData[] = [{ node, data: { main: [input] }, source: null }];
	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: stack,
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as IRunExecutionData;

	const execution = new WorkflowExecute(additionalData, options.mode ?? 'manual', runExecutionData);
	try {
		await execution.processRunExecutionData(workflow);
	} catch (error) {
		// Refused before any node ran (e.g. parameter issues n8n itself detects).
		return { run: undefined, items: [], error: error as NodeRunResult['error'] };
	}
	const run = await finished;
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as NodeRunResult['error'];
	return { run, items: taskData?.data?.main?.[0] ?? [], error };
}

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

/**
 * A trigger node in an active workflow: its webhook lifecycle (activation) through n8n-core's
 * HookContext and its deliveries through n8n-core's WebhookContext. The workflow's static data
 * persists between calls, as it does in n8n.
 */
export class TriggerUnderTest {
	readonly node: INode;

	readonly workflow: Workflow;

	private readonly credentials: Record<string, ICredentialDataDecryptedObject>;

	constructor(type: string, parameters: IDataObject, credentials: Record<string, ICredentialDataDecryptedObject> = {}) {
		this.credentials = credentials;
		this.node = {
			id: 'trigger-under-test',
			name: 'Trigger Under Test',
			type: `${PACKAGE}.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: parameters as INode['parameters'],
			webhookId: 'webhook-under-test',
			credentials: Object.fromEntries(Object.keys(credentials).map((name) => [name, { id: `${name}-id`, name }])),
		};
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

	private get webhookData() {
		const [description] = this.nodeType.description.webhooks ?? [];
		return { httpMethod: 'POST', node: this.node.name, path: description?.path ?? '', webhookDescription: description ?? {}, workflowId: 'trigger-test', webhookId: this.node.webhookId } as never;
	}

	/** The production URL n8n would show for this trigger. */
	get productionUrl(): string {
		const [description] = this.nodeType.description.webhooks ?? [];
		return `${WEBHOOK_BASE_URL}/${this.node.webhookId}/${description?.path}`;
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node) as IDataObject;
	}

	async lifecycle(method: 'checkExists' | 'create' | 'delete') {
		const additionalData = baseAdditionalData(this.credentials) as unknown as IWorkflowExecuteAdditionalData;
		const context = new HookContext(this.workflow, this.node, additionalData, 'trigger', 'activate', this.webhookData);
		return await this.nodeType.webhookMethods!.default![method]!.call(context);
	}

	/** What n8n does on activation: create the webhook unless it already exists. */
	async activate() {
		if (!(await this.lifecycle('checkExists'))) await this.lifecycle('create');
	}

	async deliver(request: WebhookRequestDouble) {
		const response = new ResponseDouble();
		const additionalData = {
			...baseAdditionalData(this.credentials),
			httpRequest: {
				body: request.body,
				rawBody: request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {})),
				headers: request.headers ?? {},
				query: request.query ?? {},
				params: {},
			},
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
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

/**
 * Runs a node's list search or load-options method as the editor does (n8n-core's
 * LoadOptionsContext), e.g. the agent picker.
 */
export async function runEditorMethod(
	type: string,
	kind: 'listSearch' | 'loadOptions',
	method: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	filter?: string,
) {
	const node: INode = {
		id: 'editor-node',
		name: 'Editor Node',
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: Object.fromEntries(Object.keys(credentials).map((name) => [name, { id: `${name}-id`, name }])),
	};
	const workflow = new Workflow({ id: 'editor', nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes() });
	const additionalData = baseAdditionalData(credentials) as unknown as IWorkflowExecuteAdditionalData;
	const context = new LoadOptionsContext(workflow, node, additionalData, '');
	const nodeType = new TestNodeTypes().getByNameAndVersion(node.type, 1) as unknown as {
		methods: Record<string, Record<string, (this: unknown, filter?: string) => Promise<unknown>>>;
	};
	return await nodeType.methods[kind][method].call(context, filter);
}
