import { sleep } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IWebhookDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { BoundedMemory } from '../execution/boundedMemory';
import type { RequestSettings } from '../execution/requestSettings';
import { DEFAULT_RETRY } from '../transport/retry';
import { allFinal, resultItems } from './results';
import { isSignedFor, waitKey } from './resumeUrl';
import { NO_WAIT } from './settings';
import { placedCalls } from './waiter';
import type { CallWaiter, PlacedCall } from './waiter';

/**
 * The resume webhook of a call-placing node (n8n's `restartWebhook`, as its own send-and-wait
 * operations declare it): served at `/webhook-waiting/<execution>/<node ID>` only while the
 * execution waits at this node. `responseData: ''` keeps n8n from answering a resumed request
 * with a literal "firstEntryJson".
 */
export const RESUME_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
	ndvHideUrl: true,
	ndvHideMethod: true,
};

/**
 * The `webhooks` of a node whose call-placing operation can wait durably. Only a restart webhook:
 * n8n registers nothing for it on activation (it skips restart webhooks), so there is no
 * checkExists/create/delete lifecycle. (The community rule webhook-lifecycle-complete, meant for
 * trigger nodes that register a webhook with a service, looks for an array literal in
 * `description.webhooks`; this list is one constant.)
 */
export const RESUME_WEBHOOKS: IWebhookDescription[] = [RESUME_WEBHOOK];

export const WAITING_TOOLTIP = '={{ "Waiting for the calls to end: the platform calls this execution back (or the time limit passes)" }}';

/** Reads from a resume request are short: the platform waits for the answer. */
const RESUME_READS: RequestSettings = { retry: { ...DEFAULT_RETRY, maxAttempts: 2, maxTotalWaitMs: 2_000 }, timeoutMs: 10_000 };
/** How long a call the platform reports as over may still read as running (its API lagging behind). */
const LAG_WAITS_MS = [1_000, 2_000];

/** Waits already resumed by this process: a late duplicate that passed n8n's own check is declined. */
const resumed = new BoundedMemory<true>(24 * 3_600_000, 10_000);
/** Resume requests of one wait, one at a time (two last deliveries at once would both resume on n8n 1.x). */
const queues = new Map<string, Promise<unknown>>();

function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	const next = previous.then(work, work);
	const settled = next.then(
		() => undefined,
		() => undefined,
	);
	queues.set(key, settled);
	void settled.then(() => queues.get(key) === settled && queues.delete(key));
	return next;
}

/** Answers the request and keeps the execution waiting (n8n resumes only when workflowData is returned). */
function decline(context: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ received: true, resumed: false, reason });
	return { noWebhookResponse: true };
}

/** The items stored with the waiting node: what it outputs at the time limit (durable.ts). */
function storedItems(context: IWebhookFunctions): INodeExecutionData[] {
	const text = context.evaluateExpression('{{ JSON.stringify($input.all().map((entry) => ({ json: entry.json, pairedItem: entry.pairedItem }))) }}', 0);
	const items = JSON.parse(String(text ?? '[]')) as INodeExecutionData[];
	return Array.isArray(items) ? items : [];
}

/**
 * Reads the calls until one is still running: the delivery's own call first (re-read while the
 * platform's API lags behind its webhook), then the calls placed after it, then the earlier ones
 * (calls tend to end in the order they were placed), a few at a time.
 */
async function readUntilOpen(context: IWebhookFunctions, calls: PlacedCall[], claimed: string | undefined, waiter: CallWaiter) {
	const read = new Map<string, IDataObject>();
	const start = Math.max(0, calls.findIndex(({ callId }) => callId === claimed));
	const ordered = [...calls.slice(start), ...calls.slice(0, start)];
	const item = { index: 0, settings: RESUME_READS };
	const [first, ...rest] = ordered;
	for (const wait of [0, ...(claimed === first.callId ? LAG_WAITS_MS : [])]) {
		if (wait > 0) await sleep(wait);
		for (const [callId, call] of await waiter.readCalls(context, [first.callId], item)) read.set(callId, call);
		if (allFinal([first], read, waiter)) break;
	}
	if (!allFinal([first], read, waiter)) return read;
	for (let offset = 0; offset < rest.length; offset += 4) {
		const chunk = rest.slice(offset, offset + 4);
		for (const [callId, call] of await waiter.readCalls(context, chunk.map(({ callId }) => callId), item)) read.set(callId, call);
		if (!allFinal(chunk, read, waiter)) break;
	}
	return read;
}

/**
 * What the node does with a request to its resume URL. The request is never taken as data: it
 * only wakes the node, which reads the calls from the platform and resumes the execution once
 * every call is over, with each call as Call → Get shows it. Declined, the execution keeps
 * waiting (n8n persists nothing of a declined request): a request not signed for this wait (401),
 * a delivery about another call or a step that ends no call, a call still running (200, so the
 * platform does not retry), a read that failed (503, so it may). Never throws: n8n would resume
 * the execution as failed.
 */
async function handleResume(context: IWebhookFunctions, waiter: CallWaiter): Promise<IWebhookResponseData> {
	const stored = storedItems(context);
	const waitId = stored.map(({ json }) => json.wait_id).find((value): value is string => typeof value === 'string');
	const calls = placedCalls(stored, waiter).filter(({ index }) => stored[index].json.wait_id === waitId);
	if (waitId === undefined || calls.length === 0) return decline(context, 404, 'No call waits here');
	const executionId = String(context.getExecutionId());
	const nodeId = context.getNode().id;
	const key = waitKey(await context.getCredentials(waiter.client.credentialType), waiter.secretField);
	if (!key || !isSignedFor(key, executionId, nodeId, waitId, context.getQueryData() as IDataObject)) {
		return decline(context, 401, 'Not signed for this wait');
	}
	const body = context.getBodyData();
	if (waiter.durable?.isInterim?.(body)) return decline(context, 200, 'A step that ends no call');
	const claimed = waiter.durable?.callIdIn(body);
	if (claimed !== undefined && !calls.some(({ callId }) => callId === claimed)) return decline(context, 200, 'Not a call this execution waits for');

	const waitKeyInProcess = `${executionId}\u0000${nodeId}\u0000${waitId}`;
	return await oneAtATime(waitKeyInProcess, async () => {
		if (resumed.get(waitKeyInProcess)) return decline(context, 409, 'Resumed already');
		const read = await readUntilOpen(context, calls, claimed, waiter);
		if (!allFinal(calls, read, waiter)) return decline(context, 200, 'A call is still running');
		const settings = { ...NO_WAIT, mode: 'durable' as const, includeTranscript: context.getNodeParameter('includeTranscript', false) === true };
		const output = await resultItems(context, stored, calls, read, waiter, settings, { extra: { wait_id: waitId }, item: { index: 0, settings: RESUME_READS } });
		resumed.set(waitKeyInProcess, true);
		return { webhookResponse: { received: true, resumed: true }, workflowData: [output] };
	});
}

/** The node's `webhook()` for its resume requests. */
export function resumeWebhook(waiter: CallWaiter) {
	return async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleResume(this, waiter).catch(() => decline(this, 503, 'The calls could not be read; try again'));
	};
}
