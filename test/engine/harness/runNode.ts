// Runs a node through n8n-core's real execution engine (WorkflowExecute), with the real request
// helpers (httpRequestWithAuthentication) and our credentials' own `authenticate`, so requests
// really reach the sandbox: exactly as a workflow step runs.
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteData,
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

export interface NodeRunResult {
	run?: IRun;
	/** Output items of the node (first output), or [] when it failed. */
	items: INodeExecutionData[];
	/** The error that stopped the node, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
}

/** Runs one node, fed with `items`, through WorkflowExecute. */
export async function runNode(options: NodeRunOptions): Promise<NodeRunResult> {
	const nodeName = 'Node Under Test';
	const node = nodeUnderTest(
		{
			id: 'node-under-test',
			name: nodeName,
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

	const executionId = options.executionId ?? nextExecutionId();
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

	const execution = new WorkflowExecute(additionalDataFor(options.credentials, { hooks, executionId }), options.mode ?? 'manual', runExecutionData);
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
