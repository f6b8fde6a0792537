import { runNode } from '../harness';
import { badInputs, casesFor, fromItem, locator, useSandbox, validLookAlikes } from './table';
import type { BadCase, Operation } from './table';
import { badCountries, badPhones, badText } from './values';

const sandbox = useSandbox();

const AGENT = 'agent_SandboxReminder01';
const credentials = () => ({ osviApi: { apiToken: sandbox().osviToken, baseUrl: sandbox().osviUrl } });

const addContacts: Operation = {
	title: 'OSVI Campaign → Add Contacts',
	type: 'osvi',
	credentials,
	parameters: { resource: 'campaign', operation: 'addContacts', campaignId: 101, agent: locator(AGENT), nameField: 'name', phoneField: 'phone', country: 'IN', promptVariables: 'all' },
	good: { name: 'Asha', phone: '9876543211', plan: 'gold' },
	acting: { platform: 'osvi', method: 'POST', path: '/v1/campaigns/101/contacts' },
	itemsIn: (request) => request.body.contacts.length,
};

const fromItemParam = (name: string, key = name) => ({ [name]: fromItem(key) });

const contactCases: BadCase[] = [
	...casesFor('Campaign ID', 'campaign', [
		['1e21 (it would go into the URL as 1e+21)', 1e21],
		['20 digits, more than a JSON number holds exactly', '12345678901234567890'],
		['2^53 + 1 as text', '9007199254740993'],
		['negative', -11],
		['negative as text', '-11'],
		['0', 0],
		['a fraction', 101.5],
		['text', 'abc'],
		['an object', { id: 101 }],
	], fromItemParam('campaignId', 'campaign'), { campaign: 101 }),
	...casesFor('Agent', 'agent', [['an object', { id: AGENT }], ['a list', [AGENT]], ['not an OSVI agent ID', 'agent 1']], { agent: locator(fromItem('agent')) }, { agent: AGENT }),
	...casesFor('Phone (input field phone)', 'phone', badPhones),
	...casesFor('Default Country', 'country', badCountries, fromItemParam('country'), { country: 'IN' }),
	...casesFor('Name (input field name)', 'name', badText(200, 'line')),
	...casesFor('Name Field', 'nameField', [['an object', { field: 'name' }], ['a line break', 'name\nphone']], fromItemParam('nameField'), { nameField: 'name' }),
	...casesFor('Phone Field', 'phoneField', [['empty', ''], ['a list', ['phone']]], fromItemParam('phoneField'), { phoneField: 'phone' }),
	...casesFor('Prompt Variable (input field person_name)', 'person_name', [['an input field that would replace the name', 'Someone else']]),
	...casesFor('Prompt Variables', 'mode', [['not one of the choices', 'everything']], fromItemParam('promptVariables', 'mode'), { mode: 'all' }),
	...casesFor('Contact', 'notes', [['more than 10,000 characters as JSON', 'n'.repeat(10_001)]]),
	...casesFor('Options › Batch Size', 'batchSize', [['0', 0], ['over the documented 10,000', 10_001], ['a fraction', 2.5]], { options: fromItemParam('batchSize') }, { batchSize: 100 }),
	...casesFor('Start Calling Now', 'enqueue', [['text instead of true/false', 'yes']], fromItemParam('enqueue'), { enqueue: false }),
	// An item whose JSON has an own "__proto__" field (JSON.parse makes one): refused, not turned into a prototype.
	{ name: 'a reserved field name', field: 'Prompt Variable (input field __proto__)', bad: JSON.parse('{"__proto__": {"polluted": true}}') },
];

badInputs(addContacts, sandbox, contactCases);

const contacts = (...list: object[]) => ({ agent_uuid: AGENT, contacts: list, enqueue: false });

validLookAlikes(addContacts, sandbox, [
	{ name: 'input fields named toString and hasOwnProperty are sent', item: { toString: 'x', hasOwnProperty: 'y' }, sent: contacts({ person_name: 'Asha', phone: '+919876543211', plan: 'gold', toString: 'x', hasOwnProperty: 'y' }) },
	{ name: 'a phone given as a JSON number, a name given as a number', item: { phone: 9876543211, name: 42 }, sent: contacts({ person_name: '42', phone: '+919876543211', plan: 'gold' }) },
	{ name: 'the campaign ID as text', item: { campaign: '101' }, params: fromItemParam('campaignId', 'campaign'), sent: contacts({ person_name: 'Asha', phone: '+919876543211', plan: 'gold', campaign: '101' }) },
	{ name: 'a selected field that the item lacks is simply not sent', params: { promptVariables: 'selected', variableFields: 'plan, toString' }, sent: contacts({ person_name: 'Asha', phone: '+919876543211', plan: 'gold' }) },
]);

const dnd = (operation: string): Operation => ({
	title: `OSVI Do Not Disturb → ${operation === 'add' ? 'Add' : 'Remove'}`,
	type: 'osvi',
	credentials,
	parameters: { resource: 'dnd', operation, agent: locator(fromItem('agent')), phone: fromItem('phone'), country: fromItem('country'), reason: fromItem('reason') },
	good: { agent: AGENT, phone: '9876543211', country: 'IN', reason: 'Asked on a call' },
	acting: { platform: 'osvi', method: operation === 'add' ? 'POST' : 'DELETE', path: '/v1/dnd_numbers' },
});

const add = dnd('add');
// Removing one number twice fails the second time: two numbers, both on the list before each run.
const remove: Operation = {
	...dnd('remove'),
	goodItems: [dnd('remove').good, { ...dnd('remove').good, phone: '9876543212' }],
	sentPart: 'query',
	setup: async (running) => {
		const parameters = { ...add.parameters, phone: fromItem('phone') };
		await runNode({ type: 'osvi', parameters, credentials: credentials(), items: [add.good, { ...add.good, phone: '9876543212' }] });
		expect(running.received('osvi', 'POST', '/v1/dnd_numbers')).toHaveLength(2);
	},
};

const dndCases = (withReason: boolean): BadCase[] => [
	...casesFor('Agent', 'agent', [['an object', { id: AGENT }], ['a list', [AGENT]], ['empty', ''], ['not an OSVI agent ID', 'my-agent']]),
	...casesFor('Phone Number', 'phone', badPhones),
	...casesFor('Default Country', 'country', badCountries),
	...(withReason ? casesFor('Reason', 'reason', badText(500, 'line')) : []),
];

badInputs(add, sandbox, dndCases(true));
badInputs(remove, sandbox, dndCases(false));

validLookAlikes(add, sandbox, [
	{ name: 'a number with dots and a trunk 0', item: { phone: '098765.43211' }, sent: { agent_uuid: AGENT, phone: '+919876543211', reason: 'Asked on a call' } },
	{ name: 'a blank reason is not sent', item: { reason: '   ' }, sent: { agent_uuid: AGENT, phone: '+919876543211' } },
]);
validLookAlikes(remove, sandbox, [
	{ name: 'a full-width number', item: { phone: '０９８７６５４３２１１' }, sent: { agent_uuid: AGENT, phone: '+919876543211' } },
]);
