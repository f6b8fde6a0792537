// Runs a node through n8n-core's real execution engine (WorkflowExecute), with the real request
// helpers (httpRequestWithAuthentication) and our credentials' own `authenticate`, so requests
// really reach the sandbox: exactly as a workflow step runs.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteData,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { additionalDataFor, nextExecutionId } from './additionalData';
import { nodeUnderTest, TestNodeTypes } from './registry';

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
	/**
	 * Runs the node as an AI Agent v3 runs a tool: its type named with "Tool", as a workflow step
	 * whose input item is the agent's input merged with the model's arguments ($fromAI reads them).
	 */
	asTool?: boolean;
	/** Runs within this execution (several tool calls of one agent run are runs of one execution). */
	executionId?: string;
}

export const NODE_NAME = 'Node Under Test';

export interface NodeRunResult {
	run?: IRun;
	/** Output items of the node (first output), or [] when it failed. */
	items: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
}

/** The node under test and its one-node workflow, as a run of `options` holds them. */
export function workflowOf(options: NodeRunOptions) {
	const node = nodeUnderTest(
		{
			id: 'node-under-test',
			name: NODE_NAME,
			type: options.asTool ? `${options.type}Tool` : options.type,
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(options.retryOnFail
				? { retryOnFail: true, maxTries: options.retryOnFail.maxTries, waitBetweenTries: options.retryOnFail.waitBetweenTries ?? 0 }
				: {}),
		},
		options.parameters,
		options.credentials,
	);
	const workflow = new Workflow({
		id: 'engine-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
		settings: { timezone: options.timezone ?? 'Asia/Kolkata' },
	});
	return { node, workflow };
}

/**
 * Runs (or resumes) an execution's data through WorkflowExecute until it ends or waits; `extra`
 * goes into what n8n hands every context (e.g. the instance's resume URL base).
 */
export async function executeRun(
	workflow: Workflow,
	runExecutionData: IRunExecutionData,
	{ executionId, mode, credentials, extra = {} }: { executionId: string; mode: WorkflowExecuteMode; credentials: NodeRunOptions['credentials']; extra?: object },
): Promise<IRun> {
	const hooks = new ExecutionLifecycleHooks(mode, executionId, {
		id: 'engine-test',
		name: 'engine test',
		active: false,
		nodes: Object.values(workflow.nodes),
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let resolveFinished: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveFinished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveFinished(run));
	const execution = new WorkflowExecute(additionalDataFor(credentials, { hooks, executionId, ...extra }), mode, runExecutionData);
	await execution.processRunExecutionData(workflow);
	return await finished;
}

/** What the node under test output (its latest run), or the error that stopped it. */
export function resultOf(run: IRun): NodeRunResult {
	const taskData = run.data.resultData.runData[NODE_NAME]?.at(-1);
	const error = (taskData?.error ?? run.data.resultData.error) as NodeRunResult['error'];
	return { run, items: taskData?.data?.main?.[0] ?? [], error };
}

/** The stack n8n starts a run with: the node under test, fed with `items`. */
export function startStack(node: INode, items: IDataObject[] = [{}]): IExecuteData[] {
	const input: INodeExecutionData[] = items.map((json) => ({ json }));
	return [{ node, data: { main: [input] }, source: null }];
}

/** Runs one node, fed with `items`, through WorkflowExecute. */
export async function runNode(options: NodeRunOptions): Promise<NodeRunResult> {
	const { node, workflow } = workflowOf(options);
	const runExecutionData: IRunExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: startStack(node, options.items),
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as IRunExecutionData;
	const mode = options.mode ?? 'manual';
	try {
		return resultOf(await executeRun(workflow, runExecutionData, { executionId: options.executionId ?? nextExecutionId(), mode, credentials: options.credentials }));
	} catch (error) {
		// Refused before any node ran (e.g. parameter issues n8n itself detects).
		return { run: undefined, items: [], error: error as NodeRunResult['error'] };
	}
}
