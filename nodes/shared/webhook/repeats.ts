import { createHash } from 'crypto';
import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { BoundedMemory } from '../execution/boundedMemory';

/**
 * Repeated deliveries start nothing. A platform re-sends a delivery it thinks was lost, and a
 * captured delivery can be replayed; a workflow that acts on it (a DND entry, a follow-up chat)
 * would act twice. Each trigger names a delivery by what it is about (e.g. call and event, see its
 * `deliveryKey`), and the first one within the window wins.
 *
 * Remembered in two places:
 *  - the workflow's static data, so that it holds across restarts and n8n processes. n8n saves
 *    static data changed in a trigger's `webhook()` after each request, but as a whole: of two
 *    deliveries handled at the same time, the later save wins and the other's entry is lost;
 *  - this process's memory, which catches exactly that case (concurrent duplicates reach the same
 *    process as a rule: one n8n, or one webhook process in queue mode).
 * Both are bounded: entries expire after the window, and only the newest are kept.
 */

export const REPEAT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Entries kept in a trigger's static data (each about 40 bytes; n8n rewrites it on every delivery). */
const STATIC_ENTRIES = 500;
const memory = new BoundedMemory<true>(REPEAT_WINDOW_MS, 20_000);

interface SeenDeliveries {
	/** Hash of a delivery key → when it was first seen (seconds since the epoch). */
	deliveriesSeen?: Record<string, number>;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** A digest of the body as sent: for events that legitimately repeat, it tells one from the next. */
export function bodyDigest(body: IDataObject, rawBody?: Buffer): string {
	return hash(rawBody ? rawBody.toString('utf8') : JSON.stringify(body));
}

/**
 * The key of a delivery: the parts that name what it is about (call ID, event, status…) when all
 * are known, else the body as sent (then only an identical delivery is a repeat).
 */
export function deliveryKey(parts: unknown[], body: IDataObject, rawBody?: Buffer): string {
	const known = (part: unknown) => (typeof part === 'string' && part !== '') || (typeof part === 'number' && Number.isFinite(part));
	if (parts.length > 0 && parts.every(known)) return JSON.stringify(parts.map(String));
	return `body:${bodyDigest(body, rawBody)}`;
}

/**
 * Whether this is the first delivery with `key` within the window; if so it is remembered. The
 * check and the record happen without a pause in between, so two concurrent deliveries in one
 * process cannot both pass.
 */
export function firstDelivery(context: IWebhookFunctions, key: string, now = Date.now()): boolean {
	const node = context.getNode();
	const id = hash(key);
	const inMemory = `${context.getWorkflow().id ?? ''}|${node.id ?? node.name}|${id}`;
	if (memory.get(inMemory, now)) return false;

	const data = context.getWorkflowStaticData('node') as SeenDeliveries;
	const oldest = Math.floor((now - REPEAT_WINDOW_MS) / 1000);
	const seenAt = data.deliveriesSeen?.[id];
	if (seenAt !== undefined && seenAt > oldest) {
		memory.set(inMemory, true, seenAt * 1000);
		return false;
	}
	memory.set(inMemory, true, now);
	const kept = Object.entries(data.deliveriesSeen ?? {}).filter(([, at]) => at > oldest);
	kept.push([id, Math.floor(now / 1000)]);
	// A new object, assigned: n8n notices the change and saves it.
	data.deliveriesSeen = Object.fromEntries(kept.slice(-STATIC_ENTRIES));
	return true;
}

/**
 * A trigger's Options collection: its own options and the one that turns this off
 * (`keyDescription` says what makes two deliveries the same on this platform).
 */
export function triggerOptions(keyDescription: string, own: INodeProperties[] = []): INodeProperties {
	const ignoreRepeats: INodeProperties = {
		displayName: 'Ignore Repeated Deliveries',
		name: 'ignoreRepeats',
		type: 'boolean',
		default: true,
		description: `Whether a delivery already received in the last 24 hours is answered 200 and starts nothing (a platform re-sending it, or a replay). The same delivery: ${keyDescription}.`,
	};
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		// In alphabetical order, as n8n's own collections are.
		options: [...own, ignoreRepeats].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}
