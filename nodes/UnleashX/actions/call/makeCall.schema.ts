import { z } from '../../../shared/vendor/zod';
import { jsonObject } from '../../../shared/parameters/zodRules';

/** `POST /agents/call` as documented, checked before anything is sent. */
export const callBody = z.object({
	agent_id: z.number().int().positive(),
	phone_number: z.string().regex(/^\+\d{6,15}$/, 'must have + and its country code'),
	metadata: jsonObject.optional(),
});

export const labels = { agent_id: 'Agent', phone_number: 'Phone Number', metadata: 'Metadata' };
