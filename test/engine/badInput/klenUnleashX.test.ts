import { badInputs, casesFor, fromItem, locator, useSandbox, validLookAlikes } from './table';
import type { BadCase, Operation } from './table';
import { badCountries, badJsonText, badKeys, badObjectValues, badPhones } from './values';

const sandbox = useSandbox();

/** The object fields (Klen's Variables, UnleashX's Metadata) as JSON and as pairs. */
function objectCases(name: string, label: string): BadCase[] {
	const json = { [`${name}Mode`]: 'json', [`${name}Json`]: fromItem('json') };
	const pairs = { [`${name}Mode`]: 'pairs', [`${name}Pairs`]: { values: [{ key: fromItem('key'), value: fromItem('value') }] } };
	return [
		...casesFor(`${label} (JSON)`, 'json', [...badJsonText, ...badObjectValues], json),
		...casesFor(`${label} › #1 › Key`, 'key', badKeys, pairs, { key: 'customer_name', value: 'Jane' }),
		...casesFor(label, 'mode', [['not one of the choices', 'yaml']], { [`${name}Mode`]: fromItem('mode') }, { mode: 'none' }),
	];
}

const klen: Operation = {
	title: 'Klen AI Call → Initiate',
	type: 'klenAi',
	credentials: () => ({ klenAiApi: { apiKey: sandbox().klenKey, baseUrl: sandbox().klenUrl } }),
	parameters: { resource: 'call', operation: 'initiate', agent: locator(fromItem('agent')), phoneNumber: fromItem('phone'), country: fromItem('country') },
	good: { agent: '11', phone: '9876543211', country: 'IN' },
	acting: { platform: 'klen', method: 'POST', path: '/api/v1/calls' },
};

badInputs(klen, sandbox, [
	...casesFor('Agent', 'agent', [
		['2^53 + 1 (a JSON number would send …992)', '9007199254740993'],
		['20 digits', '12345678901234567890'],
		['2^53 + 1 given as a number (already inexact)', 9007199254740993],
		['negative as text', '-11'],
		['negative', -11],
		['a leading 0', '011'],
		['a fraction', 11.5],
		['an object', { id: 11 }],
		['a list', ['11']],
		['empty', ''],
		['a space', 'asst sales'],
		['129 characters', `asst_${'a'.repeat(124)}`],
	]),
	...casesFor('Phone Number', 'phone', badPhones),
	...casesFor('Default Country', 'country', badCountries),
	...casesFor('Contact ID', 'contact', [
		['1e300', 1e300],
		['20 digits', '12345678901234567890'],
		['negative', -1],
		['0', 0],
		['a fraction', 7.5],
		['text', 'seven'],
		['true', true],
	], { additionalFields: { contactId: fromItem('contact') } }, { contact: 7 }),
	...objectCases('variables', 'Variables'),
]);

validLookAlikes(klen, sandbox, [
	{ name: 'the database ID as text is sent as a number', item: { phone: '+1 (415) 555-2671' }, sent: { phone_number: '+14155552671', agent_id: 11 } },
	{ name: 'the database ID as a number', item: { agent: 13, phone: '+14155552671' }, sent: { phone_number: '+14155552671', agent_id: 13 } },
	{ name: 'an assistant ID is sent as text', item: { agent: 'asst_sales_01', phone: '+14155552671' }, sent: { phone_number: '+14155552671', agent_id: 'asst_sales_01' } },
	{ name: 'a number with the 00 prefix', item: { phone: '001 415 555 2671' }, sent: { phone_number: '+14155552671', agent_id: 11 } },
	{
		name: 'the largest exact contact ID, as text',
		item: { contact: '9007199254740991' },
		params: { additionalFields: { contactId: fromItem('contact') } },
		sent: { phone_number: '+919876543211', agent_id: 11, contact_id: 9007199254740991 },
	},
	{
		name: 'variables with a key named constructorName (only the exact reserved names are refused)',
		item: { json: '{"constructorName": "x", "nested": {"toString": "y"}}' },
		params: { variablesMode: 'json', variablesJson: fromItem('json') },
		sent: { phone_number: '+919876543211', agent_id: 11, variables: { constructorName: 'x', nested: { toString: 'y' } } },
	},
]);

const unleashX: Operation = {
	title: 'UnleashX Call → Make Call',
	type: 'unleashX',
	credentials: () => ({ unleashXApi: { apiToken: sandbox().unleashxToken, baseUrl: sandbox().unleashxUrl } }),
	parameters: { resource: 'call', operation: 'makeCall', agent: locator(fromItem('agent')), phoneNumber: fromItem('phone'), country: fromItem('country') },
	good: { agent: '501', phone: '9876543211', country: 'IN' },
	acting: { platform: 'unleashx', method: 'POST', path: '/api/v1/global/agents/call' },
};

badInputs(unleashX, sandbox, [
	...casesFor('Agent', 'agent', [
		['20 digits (a JSON number would send …7000)', '12345678901234567890'],
		['2^53 + 1', '9007199254740993'],
		['1e21', 1e21],
		['1e21 as text', '1e21'],
		['negative', '-11'],
		['0', 0],
		['a fraction', 501.5],
		['not a number', 'abc'],
		['an object', { id: 501 }],
		['empty', ''],
	]),
	...casesFor('Phone Number', 'phone', badPhones),
	...casesFor('Default Country', 'country', badCountries),
	...objectCases('metadata', 'Metadata'),
]);

validLookAlikes(unleashX, sandbox, [
	{ name: 'the agent as text, a number with brackets', item: { phone: '(098765) 43211' }, sent: { agent_id: 501, phone_number: '+919876543211' } },
	{ name: 'the agent as a number, a number given as a number', item: { agent: 505, phone: 9876543211 }, sent: { agent_id: 505, phone_number: '+919876543211' } },
	{
		name: 'metadata as an object from an expression',
		item: { json: { customer_name: 'Asha', order: { id: 'A-1042' } } },
		params: { metadataMode: 'json', metadataJson: fromItem('json') },
		sent: { agent_id: 501, phone_number: '+919876543211', metadata: { customer_name: 'Asha', order: { id: 'A-1042' } } },
	},
]);
