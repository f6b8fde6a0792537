import { runNode } from '../harness';
import { badInputs, casesFor, fromItem, locator, useSandbox, validLookAlikes } from './table';
import type { BadCase, Operation } from './table';
import { badKeys, badText } from './values';

const sandbox = useSandbox();

const AGENT = 'agent_SandboxReminder01';
const credentials = () => ({ osviApi: { apiToken: sandbox().osviToken, baseUrl: sandbox().osviUrl } });

const chat = (title: string, operation: string, parameters: object, good: object, path: string | RegExp): Operation => ({
	title: `OSVI Chat → ${title}`,
	type: 'osvi',
	credentials,
	parameters: { resource: 'chat', operation, ...parameters },
	good: good as Operation['good'],
	acting: { platform: 'osvi', method: 'POST', path },
});

/** Support commands and injected context need a session: one is opened before each run. */
const openSession = async () => {
	const { items } = await runNode({
		type: 'osvi',
		parameters: { resource: 'chat', operation: 'createSession', agent: locator(AGENT), customerId: 'crm-7' },
		credentials: credentials(),
	});
	return { session: items[0].json.id };
};

const agentAndCustomer = { agent: locator(fromItem('agent')), customerId: fromItem('customer') };
const goodAgentAndCustomer = { agent: AGENT, customer: 'crm-7' };

const sendMessage = chat('Send Message', 'sendMessage', { ...agentAndCustomer, content: fromItem('content'), options: { sessionId: fromItem('sessionId') } }, { ...goodAgentAndCustomer, content: 'Where is my order?', sessionId: '' }, '/v1/chat/inbound');
const createSession = chat(
	'Create Session',
	'createSession',
	{ ...agentAndCustomer, inputFields: { values: [{ key: fromItem('key'), value: fromItem('value') }] }, context: fromItem('context') },
	{ ...goodAgentAndCustomer, key: 'plan', value: 'gold', context: 'Order #12 shipped' },
	'/v1/chat/session',
);
const support = { ...chat('Support Command', 'supportCommand', { sessionId: fromItem('session'), command: fromItem('command'), message: fromItem('message') }, { command: 'tell', message: 'Offer the refund' }, /\/support$/), setup: openSession };
const inject = { ...chat('Inject Context', 'injectContext', { sessionId: fromItem('session'), context: fromItem('context') }, { context: 'The order shipped' }, /\/inject_context$/), setup: openSession };

const agentCases = casesFor('Agent', 'agent', [['an object', { id: AGENT }], ['a list', [AGENT, AGENT]], ['empty', ''], ['two IDs on two lines', `${AGENT}\n${AGENT}`]]);
const customerCases = casesFor('Customer ID', 'customer', [...badText(255, 'line'), ['empty', ''], ['an object (the issue\'s {id: 1})', { id: 1 }]]);
const sessionCases = (key: string, label: string): BadCase[] =>
	casesFor(label, key, [['an object', { id: 's1' }], ['a list', ['s1']], ['a space', 's 1'], ['129 characters', 's'.repeat(129)]]);

badInputs(sendMessage, sandbox, [
	...agentCases,
	...customerCases,
	...casesFor('Message', 'content', [...badText(10_000), ['empty', '  '], ['a list (the issue\'s ["a","b"])', ['a', 'b']]]),
	...sessionCases('sessionId', 'Options › Session ID'),
]);

badInputs(createSession, sandbox, [
	...agentCases,
	...customerCases,
	...casesFor('Input Fields › #1 › Key', 'key', badKeys),
	...casesFor('Input Fields', 'value', [['more than 100,000 characters', 'v'.repeat(100_001)]]),
	...casesFor('Context', 'context', badText(10_000)),
]);

badInputs(support, sandbox, [
	...sessionCases('session', 'Session ID'),
	...casesFor('Session ID', 'session', [['empty', '']]),
	...casesFor('Command', 'command', [['not a command', 'delete'], ['an object', { command: 'tell' }]]),
	...casesFor('Message', 'message', [...badText(10_000), ['empty', '']]),
]);

badInputs(inject, sandbox, [...sessionCases('session', 'Session ID'), ...casesFor('Context', 'context', [...badText(10_000), ['empty', '']])]);

validLookAlikes(sendMessage, sandbox, [
	{ name: 'a customer ID given as a number', item: { customer: 919876543211 }, sent: { agent_uuid: AGENT, customer_id: '919876543211', content: 'Where is my order?' } },
	{ name: 'a message given as a number', item: { content: 42 }, sent: { agent_uuid: AGENT, customer_id: 'crm-7', content: '42' } },
	{ name: 'a message with line breaks and emoji', item: { content: 'Hi 👋\nStill there?' }, sent: { agent_uuid: AGENT, customer_id: 'crm-7', content: 'Hi 👋\nStill there?' } },
]);
validLookAlikes(createSession, sandbox, [
	{
		name: 'an input field named toString, a nested value',
		item: { key: 'toString', value: { tier: 'gold' } },
		sent: { agent_uuid: AGENT, customer_id: 'crm-7', input_fields: { toString: { tier: 'gold' } }, context: ['Order #12 shipped'] },
	},
]);
validLookAlikes(support, sandbox, [{ name: 'whisper with a message', item: { command: 'whisper' }, sent: { command: 'whisper', message: 'Offer the refund' } }]);
validLookAlikes(inject, sandbox, [{ name: 'context given as a number', item: { context: 12 }, sent: { context: '12' } }]);
