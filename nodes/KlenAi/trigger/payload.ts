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
