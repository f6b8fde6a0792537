import { z } from '../../../shared/vendor/zod';
import { checkTextId } from '../../../shared/parameters/ids';
import { headers, httpUrl, jsonObject, number, requiredText, text, zodCheck } from '../../../shared/parameters/zodRules';

/**
 * Ranges and sizes of `agent_config`. VoiceOS documents only the default duration (600 s); the
 * rest are the voice and model providers' own ranges (PlayHT's guidance values, OpenAI's
 * temperature) or generous limits, stated in the editor's field descriptions.
 */
export const AGENT_CONFIG_LIMITS = {
	prompt: 100_000,
	initialMessage: 5_000,
	name: 200,
	language: 35,
	keyword: 100,
	keywords: 100,
	webhooks: 20,
	events: 20,
	maxDurationSeconds: { min: 1, max: 3_600, integer: true },
	speed: { min: 0.1, max: 5 },
	voiceTemperature: { min: 0, max: 2 },
	styleGuidance: { min: 1, max: 30 },
	textGuidance: { min: 1, max: 2 },
	modelTemperature: { min: 0, max: 2 },
	maxTokens: { min: 1, max: 32_768, integer: true },
} as const;

const L = AGENT_CONFIG_LIMITS;
const id = zodCheck((value) => checkTextId(value));
const line = (maxLength: number) => text({ maxLength, kind: 'line' });

export const webhook = z
	.object({
		events: z
			.array(requiredText({ maxLength: 100, kind: 'token' }), { invalid_type_error: 'must be a list of events', required_error: 'needs at least one event' })
			.min(1, 'needs at least one event')
			.max(L.events, `must have at most ${L.events} events`),
		url: httpUrl,
		method: z.enum(['GET', 'POST']).optional(),
		headers: headers.optional(),
	})
	.passthrough();

/** `POST /conversations/create_phone_call`'s inline `agent_config`, checked before anything is sent. */
export const agentConfig = z
	.object({
		prompt: text({ maxLength: L.prompt }).optional(),
		initial_message: text({ maxLength: L.initialMessage }).optional(),
		max_duration_seconds: number(L.maxDurationSeconds).optional(),
		voice: z
			.object({
				provider: z.enum(['playht', 'azure', 'elevenlabs', 'deepgram', 'rime']).optional(),
				credential_id: id.optional(),
				model: line(L.name).optional(),
				speed: number(L.speed).optional(),
				temperature: number(L.voiceTemperature).optional(),
				style_guidance: number(L.styleGuidance).optional(),
				text_guidance: number(L.textGuidance).optional(),
			})
			.passthrough()
			.optional(),
		language_model: z
			.object({
				provider: z.literal('openai').optional(),
				credential_id: id.optional(),
				model: line(L.name).optional(),
				temperature: number(L.modelTemperature).optional(),
				max_tokens: number(L.maxTokens).optional(),
			})
			.passthrough()
			.optional(),
		transcriber: z
			.object({
				provider: z.enum(['deepgram', 'azure']).optional(),
				credential_id: id.optional(),
				model: line(L.name).optional(),
				language: line(L.language).optional(),
				keywords: z
					.array(requiredText({ maxLength: L.keyword, kind: 'line' }), { invalid_type_error: 'must be a list of words' })
					.max(L.keywords, `must have at most ${L.keywords} words`)
					.optional(),
			})
			.passthrough()
			.optional(),
		webhooks: z.array(webhook, { invalid_type_error: 'must be a list' }).max(L.webhooks, `must have at most ${L.webhooks} webhooks`).optional(),
		metadata: jsonObject.optional(),
	})
	.passthrough();

const e164 = (problem: string) => z.string().regex(/^\+\d{6,15}$/, problem);

export const callBody = z
	.object({
		from_number: e164('must have its country code'),
		to_number: e164('must have its country code'),
		agent_id: id.optional(),
		agent_config: agentConfig.optional(),
	})
	.strict();

export const labels = {
	to_number: 'To Number',
	from_number: 'From Number',
	agent_id: 'Agent',
	// The inline configuration is not a field of its own in the editor: its fields are named alone.
	agent_config: '',
	'agent_config.prompt': 'Prompt',
	'agent_config.initial_message': 'First Message',
	'agent_config.max_duration_seconds': 'Max Duration (Seconds)',
	'agent_config.voice': 'Voice',
	'agent_config.voice.provider': 'Provider',
	'agent_config.voice.credential_id': 'Credential ID',
	'agent_config.voice.model': 'Model',
	'agent_config.voice.speed': 'Speed',
	'agent_config.voice.temperature': 'Temperature',
	'agent_config.voice.style_guidance': 'Style Guidance',
	'agent_config.voice.text_guidance': 'Text Guidance',
	'agent_config.language_model': 'Language Model',
	'agent_config.language_model.provider': 'Provider',
	'agent_config.language_model.credential_id': 'Credential ID',
	'agent_config.language_model.model': 'Model',
	'agent_config.language_model.temperature': 'Temperature',
	'agent_config.language_model.max_tokens': 'Max Tokens',
	'agent_config.transcriber': 'Transcriber',
	'agent_config.transcriber.provider': 'Provider',
	'agent_config.transcriber.credential_id': 'Credential ID',
	'agent_config.transcriber.model': 'Model',
	'agent_config.transcriber.language': 'Language',
	'agent_config.transcriber.keywords': 'Keywords',
	'agent_config.webhooks': 'Webhooks',
	'agent_config.webhooks.*.url': 'Webhook URL',
	'agent_config.webhooks.*.events': 'Webhook Events',
	'agent_config.webhooks.*.headers': 'Headers',
	'agent_config.metadata': 'Metadata',
};
