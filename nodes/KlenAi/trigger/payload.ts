import type { IDataObject } from 'n8n-workflow';

/** What a Klen AI delivery says, in the fields every later node can rely on (missing ones are null). */
export interface KlenCallEvent {
	event: string;
	call_id: string | null;
	status: string | null;
	phone_number: string | null;
	agent_name: string | null;
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/** `{event_type, call: {…}, timestamp}` as documented; the call's Klen ID is preferred over the database ID. */
export function normaliseKlenEvent(body: IDataObject): KlenCallEvent {
	const call = (body.call ?? {}) as IDataObject;
	return {
		event: String(body.event_type ?? ''),
		call_id: text(call.klen_call_id) ?? text(call.id),
		status: text(call.status),
		phone_number: text(call.phone_number),
		agent_name: text(call.agent_name),
	};
}

/**
 * Version 2: the call in the names Klen AI → Call → Get uses (`GET /calls/{call_id}`: `call_id`
 * is Klen's call ID, `id` the database ID, `agent` an object), with the event beside it; what the
 * delivery lacks is null. `reason` is what a call.failed delivery gives.
 */
export function klenCallResult(body: IDataObject): IDataObject {
	const call = (body.call ?? {}) as IDataObject;
	const field = (name: string) => call[name] ?? null;
	const event = normaliseKlenEvent(body);
	return {
		event: event.event,
		call_id: event.call_id,
		id: field('id'),
		status: event.status,
		type: field('type'),
		phone_number: event.phone_number,
		agent: { id: field('agent_id'), name: event.agent_name },
		started_at: field('started_at'),
		ended_at: field('ended_at'),
		duration_seconds: call.duration_seconds ?? call.duration ?? null,
		summary: field('summary'),
		transcript: field('transcript'),
		recording_url: field('recording_url'),
		reason: field('reason'),
	};
}

/** When Klen AI says it sent the delivery (`timestamp`: ISO 8601, or seconds or milliseconds since the epoch). */
export function deliveredAt(body: IDataObject): number | undefined {
	const value = body.timestamp;
	if (typeof value === 'number' && Number.isFinite(value)) return value < 1e12 ? value * 1000 : value;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const parsed = /^\d+(\.\d+)?$/.test(value.trim()) ? deliveredAt({ timestamp: Number(value) }) : Date.parse(value);
	return parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined;
}
