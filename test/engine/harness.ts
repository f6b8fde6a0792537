// Runs workflows through n8n-core's real execution engine (WorkflowExecute), with the real
// request helpers (httpRequestWithAuthentication) and our credentials' own `authenticate`, so
// requests really reach the sandbox. Only the parts of n8n that live outside n8n-core (the
// credential store, the node registry) are small test doubles here.
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
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

import { OsviApi } from '../../credentials/OsviApi.credentials';
import { Osvi } from '../../nodes/Osvi/Osvi.node';
import { OsviTrigger } from '../../nodes/Osvi/OsviTrigger.node';

const PACKAGE = 'n8n-nodes-voice-agents';

const nodeClasses: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.osvi`]: new Osvi(),
	[`${PACKAGE}.osviTrigger`]: new OsviTrigger(),
};

const credentialClasses: Record<string, ICredentialType> = {
	osviApi: new OsviApi(),
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

export interface NodeRunOptions {
	/** Node type name without the package prefix, e.g. `osvi`. */
	type: string;
	parameters: IDataObject;
	items?: IDataObject[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
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
	};
	const workflow = new Workflow({
		id: 'engine-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		settings: { timezone: options.timezone ?? 'Asia/Kolkata' },
	});

	const hooks = new ExecutionLifecycleHooks(options.mode ?? 'manual', 'engine-test-execution', {
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

	const additionalData = {
		hooks,
		credentialsHelper: new TestCredentialsHelper(options.credentials),
		executionId: 'engine-test-execution',
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
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
	} as unknown as IWorkflowExecuteAdditionalData;

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
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

function triggerWorkflow(type: string, parameters: IDataObject) {
	const node: INode = {
		id: 'trigger-under-test',
		name: 'Trigger Under Test',
		type: `${PACKAGE}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		webhookId: 'webhook-under-test',
	};
	const workflow = new Workflow({
		id: 'trigger-test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TestNodeTypes(),
	});
	return { node, workflow };
}

/**
 * Calls a trigger's `webhook()` through n8n-core's own WebhookContext, as n8n does when a request
 * reaches the production URL; returns what it would start and what it answered.
 */
export async function deliverWebhook(type: string, parameters: IDataObject, request: WebhookRequestDouble) {
	const { node, workflow } = triggerWorkflow(type, parameters);
	const response = new ResponseDouble();
	const additionalData = {
		httpRequest: { body: request.body, headers: request.headers ?? {}, query: request.query ?? {}, params: {} },
		httpResponse: response,
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'osvi', webhookDescription: {}, workflowId: 'trigger-test', webhookId: node.webhookId } as never;
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const nodeType = new TestNodeTypes().getByNameAndVersion(node.type, 1);
	const result = await nodeType.webhook!.call(context);
	return { result, response };
}

/** Runs one of a trigger's webhook lifecycle methods (activation) through n8n-core's HookContext. */
export async function runWebhookMethod(type: string, parameters: IDataObject, method: 'checkExists' | 'create' | 'delete') {
	const { node, workflow } = triggerWorkflow(type, parameters);
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'osvi', webhookDescription: {}, workflowId: 'trigger-test', webhookId: node.webhookId } as never;
	const context = new HookContext(workflow, node, {} as IWorkflowExecuteAdditionalData, 'trigger', 'activate', webhookData);
	const nodeType = new TestNodeTypes().getByNameAndVersion(node.type, 1);
	return await nodeType.webhookMethods!.default![method]!.call(context);
}
