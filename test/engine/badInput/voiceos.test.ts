import { badInputs, casesFor, fromItem, locator, useSandbox, validLookAlikes } from './table';
import type { BadCase, Operation } from './table';
import { badCountries, badJsonText, badKeys, badNumbers, badObjectValues, badPhones, badText } from './values';

const sandbox = useSandbox();

const FROM = '+14155550100';
const base = {
	resource: 'call',
	operation: 'createPhoneCall',
	fromNumber: locator(fromItem('from'), 'number'),
	toNumber: fromItem('phone'),
	country: fromItem('country'),
};
const operation = (title: string, parameters: object, good: object): Operation => ({
	title: `VoiceOS Call → Create Phone Call (${title})`,
	type: 'voiceOs',
	credentials: () => ({ voiceOsApi: { apiToken: sandbox().voiceosToken, baseUrl: sandbox().voiceosUrl } }),
	parameters: { ...base, ...parameters },
	good: { from: FROM, phone: '(415) 555-2671', country: 'US', ...good },
	acting: { platform: 'voiceos', method: 'POST', path: '/conversations/create_phone_call' },
});

const saved = operation('saved agent', { callUsing: 'savedAgent', agent: locator(fromItem('agent')) }, { agent: 'agt_1' });
const inline = operation('inline configuration', { callUsing: 'inline', agentConfigJson: '{}' }, {});

badInputs(saved, sandbox, [
	...casesFor('Agent', 'agent', [
		["an object (the issue's {id: \"agt_1\"})", { id: 'agt_1' }],
		["a list (the issue's [\"a\",\"b\"])", ['a', 'b']],
		['two IDs on two lines', 'agt_1\nagt_2'],
		['a space', 'agt 1'],
		['empty', ''],
		['129 characters', `agt_${'a'.repeat(125)}`],
	]),
	...casesFor('From Number', 'from', [['letters', 'abc'], ['too short', '12'], ['an object', { number: FROM }], ['an extension', `${FROM} ext. 2`]]),
	...casesFor('To Number', 'phone', badPhones),
	...casesFor('Default Country', 'country', badCountries),
]);

const field = (name: string) => ({ [name]: fromItem(name) });
const inCollection = (collection: string, name: string) => ({ [collection]: { [name]: fromItem(name) } });
const events = { sendEvents: true, webhookUrl: fromItem('url'), webhookEvents: ['conversation:ended'], webhookHeaderName: fromItem('header'), webhookSecret: fromItem('secret') };
const goodEvents = { url: 'https://hooks.example.com/voiceos', header: 'X-VoiceOS-Secret', secret: 's3cret' };
const json = (text: string): [string, unknown] => [text, text];

const inlineCases: BadCase[] = [
	...casesFor('Prompt', 'prompt', badText(100_000), field('prompt')),
	...casesFor('First Message', 'initialMessage', badText(5_000), field('initialMessage')),
	...casesFor('Max Duration (Seconds)', 'maxDurationSeconds', badNumbers(1, 3_600, true), field('maxDurationSeconds')),
	...casesFor('Voice › Speed', 'speed', [['-100', -100], ['0', 0], ['10', 10], ['text', 'fast']], inCollection('voice', 'speed')),
	...casesFor('Voice › Temperature', 'temperature', [['1e9', 1e9], ['negative', -1]], inCollection('voice', 'temperature')),
	...casesFor('Voice › Style Guidance', 'style_guidance', [['31', 31]], inCollection('voice', 'style_guidance')),
	...casesFor('Voice › Text Guidance', 'text_guidance', [['3', 3]], inCollection('voice', 'text_guidance')),
	...casesFor('Voice › Model', 'model', [['an object', { id: 'susan' }], ['201 characters', 'm'.repeat(201)]], inCollection('voice', 'model')),
	...casesFor('Voice › Credential ID', 'credential_id', [['a line break', 'a\nb']], inCollection('voice', 'credential_id')),
	...casesFor('Language Model › Max Tokens', 'max_tokens', [['-1', -1], ['1e9', 1e9], ['a fraction', 10.5]], inCollection('languageModel', 'max_tokens')),
	...casesFor('Language Model › Temperature', 'temperature', [['1e9', 1e9], ['Infinity', Number.POSITIVE_INFINITY]], inCollection('languageModel', 'temperature')),
	...casesFor('Transcriber › Language', 'language', [['36 characters', 'l'.repeat(36)], ['a list', ['en']]], inCollection('transcriber', 'language')),
	...casesFor('Transcriber › Keywords', 'keywords', [['101 words', Array.from({ length: 101 }, (_, index) => `w${index}`).join(',')], ['an object', { a: 1 }]], inCollection('transcriber', 'keywords')),
	...casesFor('Transcriber › Keywords › #1', 'keywords', [['a word of 101 characters', 'k'.repeat(101)]], inCollection('transcriber', 'keywords')),
	...casesFor('Metadata (JSON)', 'json', [...badJsonText, ...badObjectValues], { metadataMode: 'json', metadataJson: fromItem('json') }),
	...casesFor('Metadata › #1 › Key', 'key', badKeys, { metadataMode: 'pairs', metadataPairs: { values: [{ key: fromItem('key'), value: fromItem('value') }] } }, { key: 'crm_id', value: '42' }),
	...casesFor('Additional Configuration (JSON)', 'json', [...badJsonText, ...badObjectValues], { agentConfigJson: fromItem('json') }),
	...casesFor('Max Duration (Seconds)', 'json', [json('{"max_duration_seconds": 1e12}')], { agentConfigJson: fromItem('json') }),
	...casesFor('Voice › Speed', 'json', [json('{"voice": {"speed": -100}}')], { agentConfigJson: fromItem('json') }),
	...casesFor('Language Model › Max Tokens', 'json', [json('{"language_model": {"max_tokens": -1}}')], { agentConfigJson: fromItem('json') }),
	...casesFor('Webhooks › #1 › Webhook URL', 'json', [json('{"webhooks": [{"events": ["conversation:ended"], "url": "https:///hook"}]}')], { agentConfigJson: fromItem('json') }),
	...casesFor('Webhooks › #1 › Headers', 'json', [
		json('{"webhooks": [{"events": ["conversation:ended"], "url": "https://hooks.example.com/x", "headers": {"X-A\\r\\nX-Injected": "1"}}]}'),
		json('{"webhooks": [{"events": ["conversation:ended"], "url": "https://hooks.example.com/x", "headers": {"X-Secret": "a\\r\\nX-Injected: 1"}}]}'),
	], { agentConfigJson: fromItem('json') }),
	...casesFor('Webhooks', 'json', [json('{"webhooks": {"url": "https://hooks.example.com/x"}}')], { agentConfigJson: fromItem('json') }),
	...casesFor('Webhook URL', 'url', [['no host (three slashes)', 'https:///path'], ['no scheme', 'hooks.example.com'], ['an object', { url: 'https://hooks.example.com' }]], events, goodEvents),
	...casesFor('Secret Header Name', 'header', [
		["a line break with a second header (the issue's injection)", 'X-A\r\nX-Injected: 1'],
		['a space', 'X Secret'],
		['a colon', 'X-Secret:'],
		['empty while a secret is set', ''],
		['__proto__', '__proto__'],
		['an object', { name: 'X-Secret' }],
	], events, goodEvents),
	...casesFor('Secret', 'secret', [['a line break', 's3cret\r\nX-Injected: 1'], ['an object', { secret: 's' }]], events, goodEvents),
	...casesFor('Webhooks › #1 › Webhook Events', 'events', [['none', []], ['text', 'conversation:ended']], { ...events, webhookEvents: fromItem('events') }, { ...goodEvents, events: ['conversation:ended'] }),
];

badInputs(inline, sandbox, inlineCases);

const call = (agentConfig: object) => ({ from_number: FROM, to_number: '+14155552671', agent_config: { max_duration_seconds: 600, ...agentConfig } });

validLookAlikes(saved, sandbox, [
	{ name: 'a From number written nationally', item: { from: '(415) 555-0100' }, sent: { from_number: FROM, to_number: '+14155552671', agent_id: 'agt_1' } },
	{ name: 'a To number as a JSON number', item: { phone: 4155552671 }, sent: { from_number: FROM, to_number: '+14155552671', agent_id: 'agt_1' } },
]);

validLookAlikes(inline, sandbox, [
	{ name: 'the defaults only', sent: call({}) },
	{ name: 'a duration given as text', item: { maxDurationSeconds: '120' }, params: field('maxDurationSeconds'), sent: call({ max_duration_seconds: 120 }) },
	{ name: 'voice and model values at their limits', item: { speed: 5, temperature: 2 }, params: { voice: { speed: fromItem('speed') }, languageModel: { temperature: fromItem('temperature') } }, sent: call({ voice: { speed: 5 }, language_model: { temperature: 2 } }) },
	{
		name: 'a webhook with a secret header',
		item: goodEvents,
		params: events,
		sent: call({ webhooks: [{ events: ['conversation:ended'], url: 'https://hooks.example.com/voiceos', method: 'POST', headers: { 'X-VoiceOS-Secret': 's3cret' } }] }),
	},
]);
