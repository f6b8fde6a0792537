import { z } from '../../../shared/vendor/zod';
import { httpUrl, jsonObject } from '../../../shared/parameters/zodRules';

/** `POST /conversations/create_phone_call` as documented, checked before anything is sent. */
export const agentConfig = z
	.object({
		prompt: z.string().optional(),
		initial_message: z.string().optional(),
		max_duration_seconds: z.number().int('must be a whole number').positive('must be more than 0').optional(),
		voice: z.object({ provider: z.enum(['playht', 'azure', 'elevenlabs', 'deepgram', 'rime']).optional() }).passthrough().optional(),
		language_model: z.object({ provider: z.literal('openai').optional() }).passthrough().optional(),
		transcriber: z.object({ provider: z.enum(['deepgram', 'azure']).optional() }).passthrough().optional(),
		webhooks: z
			.array(z.object({ events: z.array(z.string()).min(1, 'needs at least one event'), url: httpUrl, method: z.enum(['GET', 'POST']).optional(), headers: z.record(z.string()).optional() }).passthrough())
			.optional(),
		metadata: jsonObject.optional(),
	})
	.passthrough();

export const callBody = z.object({
	from_number: z.string().min(1),
	to_number: z.string().regex(/^\+\d{6,15}$/, 'must have its country code'),
	agent_id: z.string().min(1).optional(),
	agent_config: agentConfig.optional(),
});

export const labels = {
	to_number: 'To Number',
	from_number: 'From Number',
	agent_id: 'Agent',
	agent_config: 'Inline Configuration',
	'agent_config.max_duration_seconds': 'Max Duration (Seconds)',
	'agent_config.voice': 'Voice',
	'agent_config.voice.provider': 'Provider',
	'agent_config.language_model': 'Language Model',
	'agent_config.language_model.provider': 'Provider',
	'agent_config.transcriber': 'Transcriber',
	'agent_config.transcriber.provider': 'Provider',
	'agent_config.webhooks': 'Webhooks',
	'agent_config.webhooks.*.url': 'Webhook URL',
	'agent_config.webhooks.*.events': 'Webhook Events',
	'agent_config.metadata': 'Metadata',
};
