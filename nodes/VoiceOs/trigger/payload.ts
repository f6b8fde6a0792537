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
