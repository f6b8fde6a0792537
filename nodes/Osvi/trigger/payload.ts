import type { IDataObject } from 'n8n-workflow';

import { onFirstUse } from '../../shared/execution/onFirstUse';
import type * as PayloadShapes from './payload.schema';

// Loaded on the first delivery: the shapes load the zod bundle, which n8n's start-up need not pay for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shapes = onFirstUse(() => require('./payload.schema') as typeof PayloadShapes);

/** Version 1 says `legacy` for the older body; version 2 says `older`, as OSVI's docs do. */
export type PayloadFormat = 'current' | 'legacy' | 'custom';

export interface NormalisedCallEvent {
	call_id: string | null;
	status: string | null;
	phone_number: string | null;
	agent_name: string | null;
	agent_uuid: string | null;
	payload_format: PayloadFormat;
}

function object(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

function text(value: unknown): string | null {
	return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

/**
 * A few fields every later node can rely on, whichever body arrived: the documented current or
 * older shape, or a custom body (then the usual key names are tried, and missing ones are null).
 */
export function normaliseCallEvent(body: IDataObject): NormalisedCallEvent {
	const { currentShape, legacyShape } = shapes();
	const payloadFormat: PayloadFormat = legacyShape.safeParse(body).success
		? 'legacy'
		: currentShape.safeParse(body).success
			? 'current'
			: 'custom';
	const trigger = (body.call_trigger_data ?? {}) as IDataObject;
	return {
		call_id: text(body.call_log_id) ?? text(body.call_id),
		status: text(body.call_status) ?? text(body.status),
		phone_number: text(body.phone_number) ?? text(body.phone),
		agent_name: text(body.agent_name),
		agent_uuid: text(body.agent_uuid) ?? text(trigger.agent_uuid),
		payload_format: payloadFormat,
	};
}

/**
 * Version 2: the call in the names Call → Get and Wait for Completion use (`GET /v1/call/{id}`),
 * whichever body arrived, so one expression reads a call wherever it came from. Sections OSVI
 * left out are empty objects (or null for text); the body itself stays beside them.
 */
export interface CallResult {
	call_id: string | null;
	status: string | null;
	phone_number: string | null;
	agent_uuid: string | null;
	agent_name: string | null;
	call_type: string | null;
	summary: string | null;
	data_captured: IDataObject;
	post_call_analysis: IDataObject;
	payload_format: 'current' | 'older' | 'custom';
}

export function callResult(body: IDataObject): CallResult {
	const event = normaliseCallEvent(body);
	return {
		call_id: event.call_id,
		status: event.status,
		phone_number: event.phone_number,
		agent_uuid: event.agent_uuid,
		agent_name: event.agent_name,
		call_type: text(body.call_type),
		summary: text(body.call_summary) ?? text(body.summary),
		data_captured: object(body.data_capture ?? body.data_captured),
		post_call_analysis: object(body.structured_output ?? body.post_call_analysis),
		payload_format: event.payload_format === 'legacy' ? 'older' : event.payload_format,
	};
}
