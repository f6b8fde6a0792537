import { badInputs, casesFor, fromItem, locator, useSandbox, validLookAlikes } from './table';
import type { BadCase, Operation } from './table';
import { badCountries, badJsonText, badKeys, badNumbers, badObjectValues, badPhones, badText } from './values';

const sandbox = useSandbox();

const AGENT = 'agent_SandboxReminder01';

const initiate: Operation = {
	title: 'OSVI Call → Initiate',
	type: 'osvi',
	credentials: () => ({ osviApi: { apiToken: sandbox().osviToken, baseUrl: sandbox().osviUrl } }),
	parameters: { resource: 'call', operation: 'initiate', agent: locator(fromItem('agent')), phoneNumber: fromItem('phone'), country: fromItem('country') },
	good: { agent: AGENT, phone: '9876543211', country: 'IN' },
	acting: { platform: 'osvi', method: 'POST', path: '/v1/call' },
};

const field = (name: string) => ({ additionalFields: { [name]: fromItem(name) } });
const overrides = (name: string) => ({ callConfiguration: { [name]: fromItem(name) } });
const extraction = { dataExtraction: { fields: [{ key: fromItem('key'), description: fromItem('description'), required: fromItem('required'), outputFormat: fromItem('format') }] } };
const goodExtraction = { key: 'confirmed', description: 'Ask to confirm', required: true, format: 'yes or no' };
const pairs = { additionalDataMode: 'pairs', additionalDataPairs: { values: [{ key: fromItem('key'), value: fromItem('value') }] } };

const cases: BadCase[] = [
	...casesFor('Agent', 'agent', [
		['an object', { id: AGENT }],
		['a list', [AGENT]],
		['not an OSVI agent ID', 'my-agent'],
		['two IDs on two lines', `${AGENT}\nagent_SandboxSurvey02`],
		['empty', ''],
		['129 characters', `agent_${'a'.repeat(123)}`],
		['a number', 42],
	]),
	...casesFor('Phone Number', 'phone', badPhones),
	...casesFor('Country', 'country', badCountries),
	...casesFor('Person Name', 'personName', badText(200, 'line'), field('personName')),
	...casesFor('System Prompt Override', 'systemPrompt', badText(100_000), field('systemPrompt')),
	...casesFor('Initial Greeting', 'initialGreeting', [...badText(2_000), ['2,001 emoji (code points)', '😀'.repeat(2_001)]], field('initialGreeting')),
	...casesFor('Webhook URL', 'webhookUrl', [
		['no host (three slashes)', 'https:///path'],
		['no scheme', 'hooks.example.com/osvi'],
		['ftp', 'ftp://hooks.example.com/osvi'],
		['javascript:', 'javascript:alert(1)'],
		['only the scheme', 'http://'],
		['a port without a host', 'http://:8080/hook'],
		['a space in the host', 'https://hooks example.com/osvi'],
		['an object', { url: 'https://hooks.example.com' }],
		['longer than 2,048 characters', `https://hooks.example.com/${'p'.repeat(2_048)}`],
	], field('webhookUrl')),
	...casesFor('Additional Data (JSON)', 'json', badJsonText, { additionalDataMode: 'json', additionalDataJson: fromItem('json') }),
	...casesFor('Additional Data (JSON)', 'json', badObjectValues, { additionalDataMode: 'json', additionalDataJson: fromItem('json') }),
	...casesFor('Additional Data › #1 › Key', 'key', badKeys, pairs, { key: 'plan', value: 'gold' }),
	...casesFor('Additional Data', 'value', [['more than 100,000 characters', 'v'.repeat(100_001)]], pairs, { key: 'plan', value: 'gold' }),
	...casesFor('Data to Extract › #1 › Key', 'key', [['empty', ''], ['an object', { k: 1 }], ['__proto__', '__proto__'], ['101 characters', 'k'.repeat(101)], ['a line break', 'a\nb']], extraction, goodExtraction),
	...casesFor('Data to Extract › #1 › Description', 'description', [['empty', ' '], ['a list', ['a']], ['1,001 characters', 'd'.repeat(1_001)]], extraction, goodExtraction),
	...casesFor('Data to Extract › #1 › Output Format', 'format', [['an object', { f: 1 }], ['201 characters', 'f'.repeat(201)]], extraction, goodExtraction),
	...casesFor('Data to Extract › #1 › Required', 'required', [['text instead of true/false', 'yes']], extraction, goodExtraction),
	...casesFor('Call Configuration Overrides › Max Call Duration (Seconds)', 'maxCallDurationSeconds', badNumbers(1, 3_600, true), overrides('maxCallDurationSeconds')),
	...casesFor('Call Configuration Overrides › Retry › Retry Max Attempts', 'retryMaxAttempts', badNumbers(1, 10, true), overrides('retryMaxAttempts')),
	...casesFor('Call Configuration Overrides › Retry › Retry Interval (Minutes)', 'retryIntervalMinutes', [['0', 0], ['a day and a minute', 1_441], ['negative', -5]], overrides('retryIntervalMinutes')),
	...casesFor('Call Configuration Overrides › Enable Callback', 'enableCallback', [['text instead of true/false', 'yes']], overrides('enableCallback')),
	// Wait for Result's settings are the node run's, read from the first item: test/engine/waiting/settings.test.ts.
];

badInputs(initiate, sandbox, cases);

const sent = (phone: string, country = 'IN', more = {}) => ({ agent_uuid: AGENT, phone_number: phone, country_code: country, ...more });

validLookAlikes(initiate, sandbox, [
	{ name: 'spaces and a dash with +91', item: { phone: '+91 98765-43211' }, sent: sent('9876543211') },
	{ name: 'a trunk 0', item: { phone: '098765 43211' }, sent: sent('9876543211') },
	{ name: 'the 00 prefix', item: { phone: '0091 98765 43211' }, sent: sent('9876543211') },
	{ name: 'dots and brackets', item: { phone: '(98765) 432.11' }, sent: sent('9876543211') },
	{ name: 'full-width digits', item: { phone: '＋９１ ９８７６５ ４３２１１' }, sent: sent('9876543211') },
	{ name: 'a JSON number', item: { phone: 9876543211 }, sent: sent('9876543211') },
	{ name: 'a no-break space inside', item: { phone: '98765\u00a043211' }, sent: sent('9876543211') },
	// The user's country is kept when it shares the number's calling code (the same number is dialled).
	...[
		['GB number in a range Guernsey shares, with GB', '07911 123456', 'GB', '7911123456'],
		['+44 number Guernsey shares, with GB', '+44 7911 123456', 'GB', '7911123456'],
		['an Isle of Man number with GB', '01624 612345', 'GB', '1624612345'],
		['a Puerto Rico number with US', '(787) 555-1234', 'US', '7875551234'],
		['a Toronto number with US', '416-555-0123', 'US', '4165550123'],
	].map(([name, phone, country, national]) => ({
		name,
		item: { phone, country },
		sent: sent(national, country),
	})),
	{ name: 'a Guernsey number with IN keeps its own country', item: { phone: '+44 7911 123456' }, sent: sent('7911123456', 'GG') },
	{
		name: 'a greeting of 2,000 characters, 6 of them emoji (2,006 UTF-16 units)',
		item: { initialGreeting: `${'x'.repeat(1_994)}${'😀'.repeat(6)}` },
		params: field('initialGreeting'),
		sent: sent('9876543211', 'IN', { initial_greeting: `${'x'.repeat(1_994)}${'😀'.repeat(6)}` }),
	},
	{ name: 'a person name given as a number', item: { personName: 4711 }, params: field('personName'), sent: sent('9876543211', 'IN', { person_name: '4711' }) },
	{
		name: 'a pair key "toString" is kept',
		item: { key: 'toString', value: 'x' },
		params: pairs,
		sent: sent('9876543211', 'IN', { additional_data: { toString: 'x' } }),
	},
	{
		name: 'durations as decimal text from a spreadsheet',
		item: { maxCallDurationSeconds: '300' },
		params: overrides('maxCallDurationSeconds'),
		sent: sent('9876543211', 'IN', { call_config_overrides: { max_call_duration_seconds: 300 } }),
	},
]);

const getMany: Operation = {
	title: 'OSVI Call → Get Many',
	type: 'osvi',
	credentials: initiate.credentials,
	parameters: { resource: 'call', operation: 'getMany', returnAll: false, limit: 5, filters: { endDate: fromItem('endDate') } },
	good: { endDate: '2025-01-15' },
	acting: { platform: 'osvi', method: 'GET', path: '/v1/calls' },
	sentPart: 'query',
};

validLookAlikes(getMany, sandbox, [
	{ name: 'Picked Before as a bare date covers that whole day', sent: { end_date: '2025-01-15T23:59:59.999+05:30', page: '1', per_page: '5' } },
	{ name: 'Picked Before with a time is that time', item: { endDate: '2025-01-15T10:00:00' }, sent: { end_date: '2025-01-15T10:00:00+05:30', page: '1', per_page: '5' } },
]);
