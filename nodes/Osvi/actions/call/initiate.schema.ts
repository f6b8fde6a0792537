import { z } from '../../../shared/vendor/zod';
import { isReservedKey, reservedKeyProblem } from '../../../shared/parameters/json';
import { httpUrl, jsonObject, number, requiredText, text, zodCheck } from '../../../shared/parameters/zodRules';
import type { FieldLabels } from '../../../shared/parameters/validation';
import { checkAgentId } from '../common.parameters';

/**
 * The limits of `POST /v1/call`'s fields: documented (the greeting's 2,000 characters) or, where
 * OSVI documents none, generous ones that no real call needs to exceed. The editor's field
 * descriptions state the same numbers.
 */
export const INITIATE_LIMITS = {
	initialGreeting: 2_000,
	systemPrompt: 100_000,
	personName: 200,
	extractionFields: 50,
	extractionKey: 100,
	extractionDescription: 1_000,
	outputFormat: 200,
	maxCallDurationSeconds: { min: 1, max: 3_600, integer: true },
	retryMaxAttempts: { min: 1, max: 10, integer: true },
	retryIntervalMinutes: { min: 1, max: 1_440, integer: true },
} as const;

const L = INITIATE_LIMITS;

const extractionField = z.object({
	key: requiredText({ maxLength: L.extractionKey, kind: 'line' }).refine((key) => !isReservedKey(key), (key) => ({
		message: reservedKeyProblem(key),
	})),
	description: requiredText({ maxLength: L.extractionDescription }),
	required: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
	output_format: text({ maxLength: L.outputFormat, kind: 'line' }).optional(),
});

/** `POST /v1/call` as documented: every rule of the reference, checked before anything is sent. */
export const initiateCallBody = z
	.object({
		agent_uuid: zodCheck(checkAgentId),
		phone_number: z.string().regex(/^\d+$/, 'must be national digits only'),
		country_code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'),
		system_prompt: text({ maxLength: L.systemPrompt }).optional(),
		webhook_url: httpUrl.optional(),
		person_name: text({ maxLength: L.personName, kind: 'line' }).optional(),
		additional_data: jsonObject.optional(),
		initial_greeting: text({ maxLength: L.initialGreeting }).optional(),
		call_config_overrides: z
			.object({
				max_call_duration_seconds: number(L.maxCallDurationSeconds).optional(),
				enable_callback: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
				retry_config: z
					.object({
						enabled: z.boolean({ invalid_type_error: 'must be true or false' }).optional(),
						max_attempts: number(L.retryMaxAttempts).optional(),
						interval_minutes: number(L.retryIntervalMinutes).optional(),
					})
					.optional(),
			})
			.optional(),
		data_extraction: z
			.array(extractionField, { invalid_type_error: 'must be a list' })
			.max(L.extractionFields, `must have at most ${L.extractionFields} fields`)
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
