import { z } from '../../../shared/vendor/zod';
import { httpUrl, jsonObject } from '../../../shared/parameters/zodRules';
import type { FieldLabels } from '../../../shared/parameters/validation';
import { AGENT_ID_PATTERN } from '../common.descriptions';

/** `POST /v1/call` as documented: every rule of the reference, checked before anything is sent. */
export const initiateCallBody = z
	.object({
		agent_uuid: z.string().regex(AGENT_ID_PATTERN, 'is not an OSVI agent ID'),
		phone_number: z.string().regex(/^\d+$/, 'must be national digits only'),
		country_code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
		system_prompt: z.string().optional(),
		webhook_url: httpUrl.optional(),
		person_name: z.string().optional(),
		additional_data: jsonObject.optional(),
		initial_greeting: z.string().max(2000, 'must be at most 2000 characters').optional(),
		call_config_overrides: z
			.object({
				max_call_duration_seconds: z
					.number({ invalid_type_error: 'must be a number' })
					.positive('must be more than 0')
					.optional(),
				enable_callback: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
				retry_config: z
					.object({
						enabled: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
						max_attempts: z
							.number({ invalid_type_error: 'must be a number' })
							.int('must be a whole number')
							.positive('must be at least 1')
							.optional(),
						interval_minutes: z
							.number({ invalid_type_error: 'must be a number' })
							.int('must be a whole number')
							.positive('must be at least 1')
							.optional(),
					})
					.optional(),
			})
			.optional(),
		data_extraction: z
			.array(
				z.object({
					key: z.string().trim().min(1, 'must not be empty'),
					description: z.string().trim().min(1, 'must not be empty'),
					required: z.boolean().optional(),
					output_format: z.string().optional(),
				}),
				{ invalid_type_error: 'must be a list' },
			)
			.superRefine((fields, ctx) => {
				const seen = new Set<string>();
				fields.forEach((field, index) => {
					if (seen.has(field.key)) {
						ctx.addIssue({
							code: z.ZodIssueCode.custom,
							path: [index, 'key'],
							message: `"${field.key}" is used twice: every key must be unique`,
						});
					}
					seen.add(field.key);
				});
			})
			.optional(),
	})
	.strict();

export type InitiateCallBody = z.infer<typeof initiateCallBody>;

export const initiateCallLabels: FieldLabels = {
	agent_uuid: 'Agent',
	phone_number: 'Phone Number',
	country_code: 'Country',
	system_prompt: 'System Prompt Override',
	webhook_url: 'Webhook URL',
	person_name: 'Person Name',
	additional_data: 'Additional Data',
	initial_greeting: 'Initial Greeting',
	call_config_overrides: 'Call Configuration Overrides',
	'call_config_overrides.max_call_duration_seconds': 'Max Call Duration (Seconds)',
	'call_config_overrides.enable_callback': 'Enable Callback',
	'call_config_overrides.retry_config': 'Retry',
	'call_config_overrides.retry_config.enabled': 'Retry Unanswered Calls',
	'call_config_overrides.retry_config.max_attempts': 'Retry Max Attempts',
	'call_config_overrides.retry_config.interval_minutes': 'Retry Interval (Minutes)',
	data_extraction: 'Data to Extract',
	'data_extraction.*.key': 'Key',
	'data_extraction.*.description': 'Description',
	'data_extraction.*.required': 'Required',
	'data_extraction.*.output_format': 'Output Format',
};
