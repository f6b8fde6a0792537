import { z } from '../../../shared/vendor/zod';
import { checkWholeNumberId } from '../../../shared/parameters/ids';
import { jsonObject, zodCheck } from '../../../shared/parameters/zodRules';
import { checkAgentId } from '../common.descriptions';

/** `POST /calls` as documented, checked before anything is sent. */
export const initiateBody = z
	.object({
		phone_number: z.string().regex(/^\+\d{6,15}$/, 'must be in E.164 form'),
		agent_id: zodCheck(checkAgentId),
		// "int" in the reference: a JSON number, so only what a JSON number carries exactly.
		contact_id: zodCheck((value) => checkWholeNumberId(value, 'number')).optional(),
		variables: jsonObject.optional(),
	})
	.strict();

export const labels = { phone_number: 'Phone Number', agent_id: 'Agent', contact_id: 'Contact ID', variables: 'Variables' };
