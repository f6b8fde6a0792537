// The documented bodies of OSVI's post-call webhook, as zod shapes (see payload.ts).
import { z } from '../../shared/vendor/zod';

/** The current ("Auto") post-call body; sections without data are left out by OSVI. */
export const currentShape = z
	.object({
		call_log_id: z.string(),
		call_status: z.string().optional(),
		phone_number: z.string().optional(),
		agent_name: z.string().optional(),
		call_type: z.string().optional(),
		call_summary: z.string().optional(),
		data_capture: z.record(z.unknown()).optional(),
		structured_output: z.record(z.unknown()).optional(),
		call_trigger_data: z.record(z.unknown()).optional(),
	})
	.passthrough();

/** The older body: the transcript as one string (`chat`) and `executionMode`. */
export const legacyShape = z
	.object({
		call_log_id: z.string(),
		agent_uuid: z.string().optional(),
		agent_name: z.string().optional(),
		phone_number: z.string().optional(),
		chat: z.string().optional(),
		call_status: z.enum(['picked', 'not_picked', 'busy', 'failed']).optional(),
		executionMode: z.enum(['prod', 'test']),
	})
	.passthrough();
