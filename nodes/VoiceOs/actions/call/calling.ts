import type { IDataObject } from 'n8n-workflow';

import type { FindCallsTo } from '../../../shared/calling/pastCalls';
import { voiceOs } from '../../client';

export const RECENT_CALLS_NOTE =
	"VoiceOS's conversation list is read from that time on (created_after) and compared by the number called; it cannot be filtered by number.";

/** Outbound phone calls to a number created since a time (`GET /conversations?created_after=`). */
export const findVoiceOsCallsTo: FindCallsTo = async (context, item, phone, since) => {
	const rows = await voiceOs.listAll(context, '/conversations', { created_after: since.toISOString() }, undefined, { item, maxPages: 20 });
	return rows
		.filter((row) => row.type === 'outbound_phone_call' && (row.phone_call as IDataObject | undefined)?.to_number === phone.e164)
		.map((row) => ({ call_id: typeof row.id === 'string' ? row.id : null, at: typeof row.started_at === 'string' ? row.started_at : null }));
};
