import { z } from '../../../shared/vendor/zod';
import { checkWholeNumberId } from '../../../shared/parameters/ids';
import { jsonObject, zodCheck } from '../../../shared/parameters/zodRules';

/** `POST /agents/call` as documented, checked before anything is sent. */
export const callBody = z.object({
	// "integer" in the reference: a JSON number, so only what a JSON number carries exactly.
	agent_id: zodCheck((value) => {
		if (value === '' || value === undefined || value === null) return { problem: 'is empty: pick an agent' };
		return checkWholeNumberId(value, 'number');
	}),
	phone_number: z.string().regex(/^\+\d{6,15}$/, 'must have + and its country code'),
	metadata: jsonObject.optional(),
});

export const labels = { agent_id: 'Agent', phone_number: 'Phone Number', metadata: 'Metadata' };
