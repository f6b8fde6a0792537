import { waitingStep } from '../../../shared/waiting';
import type { CallWaiter, WaitOffer } from '../../../shared/waiting';
import { unleashX } from '../../client';
import { findExecutions } from './executions';

/** Statuses of an execution still under way (`initiated` when placed); completed, failed… are final. */
const RUNNING = new Set(['', 'initiated', 'queued', 'ringing', 'in-progress', 'in_progress', 'ongoing']);
/** Pages of the executions list searched per read: new calls are among the newest. */
const PAGES_SEARCHED = 10;

export const waitOffer: WaitOffer = {
	platform: 'UnleashX',
	durable: false,
	noWebhookNote:
		"UnleashX's call request takes no per-call webhook (only the agent's session data webhook, set in its dashboard), so there is no Durable mode: Polling keeps the execution running and searches the executions list (UnleashX documents no read of one call) until the call ends. For long calls, continue in a workflow that starts with the UnleashX Trigger.",
};

export const unleashXCalls: CallWaiter = {
	platform: 'UnleashX',
	client: unleashX,
	secretField: 'apiToken',
	callIdOf: (json) => (typeof json.execution_id === 'string' && json.execution_id !== '' ? json.execution_id : undefined),
	// One search of the list finds every call still running.
	readCalls: async (context, ids, item) => (await findExecutions(context, ids, {}, PAGES_SEARCHED, item)).found,
	isFinal: (row) => !RUNNING.has(String(row.STATUS ?? '').toLowerCase()),
};

export const waiting = waitingStep(unleashXCalls);
