import type { IDataObject } from 'n8n-workflow';

/** What a VoiceOS delivery says, in the fields every later node can rely on (missing ones are null). */
export interface VoiceOsEvent {
	event: string | null;
	conversation_id: string | null;
	status: string | null;
}

/**
 * The delivered body is undocumented: the event name is looked for under the usual keys, and the
 * conversation under `conversation` or `data`.
 */
export function normaliseVoiceOsEvent(body: IDataObject): VoiceOsEvent {
	const event = [body.event, body.type, body.event_type].find((value) => typeof value === 'string') as string | undefined;
	const conversation = (body.conversation ?? body.data ?? {}) as IDataObject;
	return {
		event: event ?? null,
		conversation_id: (conversation.id as string) ?? (body.conversation_id as string) ?? null,
		status: (conversation.status as string) ?? null,
	};
}

/** Events that come many times in one conversation: only an identical delivery repeats one of them. */
export const REPEATING_EVENTS = new Set(['conversation:duration', 'function_call:triggered', 'message:generated', 'message:sent', 'speech:ended', 'speech:started']);

/**
 * Version 2: the conversation in the names VoiceOS → Get uses (`GET /conversations/{id}`), with
 * the event beside it; what the body lacks is null. `agent_config` stays in the body only: it is
 * the call's configuration (webhook headers included), not its result.
 */
export function conversationResult(body: IDataObject): IDataObject {
	const conversation = (body.conversation ?? body.data ?? {}) as IDataObject;
	const field = (name: string) => conversation[name] ?? null;
	return {
		event: normaliseVoiceOsEvent(body).event,
		id: (conversation.id as string) ?? (body.conversation_id as string) ?? null,
		status: field('status'),
		type: field('type'),
		agent_id: field('agent_id'),
		started_at: field('started_at'),
		ended_at: field('ended_at'),
		ended_reason: field('ended_reason'),
		phone_call: field('phone_call'),
		messages: conversation.messages ?? [],
		cost_breakdown: field('cost_breakdown'),
	};
}
