import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../execution/operation';
import { runCredentials } from '../transport/http';
import { unreachableUrlProblem } from '../parameters/urls';
import { allFinal, resultItems } from './results';
import { buildResumeUrl, hideResumeSecrets, waitIdFor, waitKey } from './resumeUrl';
import type { WaitSettings } from './settings';
import type { CallWaiter, PlacedCall } from './waiter';

/** Where this node run's calls report their end, and the ID of this wait. */
export interface ResumeTarget {
	url: string;
	waitId: string;
}

/** Why this node run cannot wait durably; undefined when it can. */
export type Refusal = string | undefined;

/**
 * The resume URL of this node run (see resumeUrl.ts), or why there is none: no execution ID, an AI
 * Agent's tool call, a credential without its secret, or an n8n address the platform cannot reach.
 */
export async function resumeTarget(context: IExecuteFunctions, waiter: CallWaiter): Promise<ResumeTarget | Refusal> {
	const node = context.getNode();
	if (node.type.endsWith('Tool')) {
		return 'cannot be Durable when an AI Agent uses the node as a tool: the agent needs the answer within its own run. Use Polling.';
	}
	const executionId = context.getExecutionId();
	if (!executionId) return 'needs an execution ID, which this run has none of. Use Polling.';
	const key = waitKey(await runCredentials(context, waiter.client.credentialType), waiter.secretField);
	if (!key) return `needs the ${waiter.platform} credential's secret, which is empty`;
	const base = String(context.evaluateExpression('{{ $execution.resumeUrl }}', 0) ?? '');
	const runIndex = Number(context.getWorkflowDataProxy(0).$runIndex ?? 0);
	const waitId = waitIdFor(key, executionId, node.id, runIndex);
	const url = buildResumeUrl(base, key, executionId, node.id, waitId);
	const problem = unreachableUrlProblem(hideResumeSecrets(url), waiter.platform, await waiter.client.baseUrl(context));
	if (problem !== undefined) {
		return `needs n8n's resume URL to be reachable by ${waiter.platform}: ${problem} Set n8n's WEBHOOK_URL to its public address.`;
	}
	return { url, waitId };
}

/**
 * Durable: the execution is put to wait in n8n (status "waiting", nothing held in memory) until
 * the platform posts a call's end to the resume URL or the time limit passes.
 *
 * n8n runs no node code when the time limit passes: it outputs the input items stored with the
 * waiting node (the stack entry this context runs for, which n8n persists). So they are replaced
 * here by what the node outputs then: each call as read now, with `timed_out` and the wait ID. A
 * resume request replaces them with the calls as read when all are over (resume.ts). When every
 * call is over already, nothing waits.
 */
export async function waitDurably(
	context: IExecuteFunctions,
	output: INodeExecutionData[],
	calls: PlacedCall[],
	waiter: CallWaiter,
	settings: WaitSettings,
	target: ResumeTarget,
	item: Item,
): Promise<INodeExecutionData[]> {
	const now = await waiter.readCalls(context, calls.map(({ callId }) => callId), item).catch(() => new Map());
	const atTimeLimit = await resultItems(context, output, calls, now, waiter, settings, { extra: { wait_id: target.waitId }, item });
	if (allFinal(calls, now, waiter)) return atTimeLimit;
	context.getExecuteData().data.main[0] = atTimeLimit;
	await context.putExecutionToWait(new Date(Date.now() + settings.limitMinutes * 60_000));
	// What the editor shows while the execution waits (n8n replaces it when the execution resumes).
	return atTimeLimit.map(({ json, pairedItem }) => ({ json: withoutTimedOut(json), pairedItem }));
}

/** The item as it stands while waiting: not yet at the time limit. */
function withoutTimedOut(json: IDataObject): IDataObject {
	const copy = { ...json };
	delete copy.timed_out;
	return copy;
}
