import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item, OperationWaiting } from '../execution/operation';
import { oncePerRun } from '../execution/perRun';
import { invalidFieldError } from '../parameters/validation';
import { resumeTarget, waitDurably } from './durable';
import type { ResumeTarget } from './durable';
import { pollCalls } from './polling';
import { readWaitSettings } from './settings';
import type { WaitSettings } from './settings';
import { placedCalls } from './waiter';
import type { CallWaiter } from './waiter';

// Waiting for the result of the calls a node run placed: "Wait for Result" (description.ts) read
// once per run (settings.ts); Polling (polling.ts) or Durable (durable.ts, resumed by resume.ts
// through the resume URL of resumeUrl.ts). Every item's call is placed first, then the node waits
// once for all of them; a call is never placed again by a wait (a resumed execution does not run
// the node again, and Retry On Fail finds every placed call in the ledger).

export { RESUME_WEBHOOKS, resumeWebhook, WAITING_TOOLTIP } from './resume';
export { waitProperties } from './description';
export type { WaitOffer } from './description';
export { readEach } from './waiter';
export type { CallWaiter } from './waiter';
export { WAIT_LIMITS } from './settings';
export type { WaitSettings } from './settings';

interface WaitPlan {
	settings: WaitSettings;
	target?: ResumeTarget;
}

async function planOf(context: IExecuteFunctions, waiter: CallWaiter): Promise<WaitPlan> {
	return await oncePerRun(context, 'waiting', async () => {
		const settings = readWaitSettings(context, waiter.legacy);
		if (settings.mode !== 'durable') return { settings };
		if (!waiter.durable) throw new NodeOperationError(context.getNode(), `${waiter.platform} cannot wait durably: its call request takes no webhook URL`);
		const target = await resumeTarget(context, waiter);
		if (typeof target !== 'object') {
			throw new NodeOperationError(context.getNode(), `'Wait for Result' Durable (Webhook) ${target ?? ''}`.trim(), {
				description: 'Nothing was sent.',
			});
		}
		return { settings, target };
	});
}

/** The waiting step of a call-placing operation of the platform `waiter` describes (see the router). */
export function waitingStep(waiter: CallWaiter): OperationWaiting & {
	request(context: IExecuteFunctions, body: IDataObject): Promise<IDataObject>;
} {
	return {
		async check(this: IExecuteFunctions, itemCount: number) {
			const { settings } = await planOf(this, waiter);
			if (settings.mode !== 'durable') return;
			for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
				const refusal = waiter.durable?.refusal?.(this, itemIndex);
				if (refusal) throw invalidFieldError(this.getNode(), itemIndex, refusal.field, refusal.problem);
			}
		},

		/** One item's request: with the resume URL as the call's webhook when waiting durably. */
		async request(context: IExecuteFunctions, body: IDataObject) {
			const { target } = await planOf(context, waiter);
			return target && waiter.durable ? waiter.durable.withResumeUrl(body, target.url) : body;
		},

		async finish(this: IExecuteFunctions, output: INodeExecutionData[], item: Item) {
			const { settings, target } = await planOf(this, waiter);
			const calls = placedCalls(output, waiter);
			if (settings.mode === 'none' || calls.length === 0) return output;
			if (settings.mode === 'polling' || !target) return await pollCalls(this, output, calls, waiter, settings, item);
			return await waitDurably(this, output, calls, waiter, settings, target, item);
		},
	};
}
