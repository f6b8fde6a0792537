import { z } from '../../../shared/vendor/zod';
import { jsonObject } from '../../../shared/parameters/zodRules';

/** `POST /calls` as documented, checked before anything is sent. */
export const initiateBody = z
	.object({
		phone_number: z.string().regex(/^\+\d{6,15}$/, 'must be in E.164 form'),
		agent_id: z.union([z.number().int().positive(), z.string().min(1)]),
		contact_id: z.number().int('must be a whole number').positive('must be above 0').optional(),
		variables: jsonObject.optional(),
	})
	.strict();

export const labels = { phone_number: 'Phone Number', agent_id: 'Agent', contact_id: 'Contact ID', variables: 'Variables' };
