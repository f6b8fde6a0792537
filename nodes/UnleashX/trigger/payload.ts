import type { IDataObject } from 'n8n-workflow';

/** What an UnleashX end-of-session delivery says, in the fields later nodes rely on (missing ones are null). */
export interface UnleashXEvent {
	execution_id: string | null;
	status: string | null;
	phone_number: string | null;
}

/** The payload is undocumented: the lower-case names and the executions list's upper-case ones are tried. */
export function normaliseUnleashXEvent(body: IDataObject): UnleashXEvent {
	return {
		execution_id: (body.execution_id as string) ?? (body.ID as string) ?? null,
		status: (body.status as string) ?? (body.STATUS as string) ?? null,
		phone_number: (body.phone_number as string) ?? (body.CALLING_NUMBER as string) ?? null,
	};
}
