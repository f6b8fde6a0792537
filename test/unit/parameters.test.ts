import type { INode, INodeProperties } from 'n8n-workflow';

import { toZonedIsoTimestamp } from '../../nodes/shared/parameters/dates';
import { checkHeaderName, checkHeaderValue } from '../../nodes/shared/parameters/headers';
import { checkTextId, checkWholeNumberId } from '../../nodes/shared/parameters/ids';
import { checkJsonObject, pairsToObject, parseJsonParameter } from '../../nodes/shared/parameters/json';
import { checkNumber, checkOptionalNumber } from '../../nodes/shared/parameters/numbers';
import { readPath } from '../../nodes/shared/parameters/objectPath';
import { characterCount, checkText, quote } from '../../nodes/shared/parameters/text';
import { checkHttpUrl, isPrivateHost, unreachableUrlProblem } from '../../nodes/shared/parameters/urls';
import { checkChoice, checkCollectionChoices, invalidFieldError } from '../../nodes/shared/parameters/validation';

const node = { name: 'OSVI', type: 'n8n-nodes-voice-agents.osvi', parameters: {} } as unknown as INode;

describe('the error shape', () => {
	test("Invalid 'Field': problem [item N], with itemIndex and a nothing-sent description", () => {
		const error = invalidFieldError(node, 3, 'Phone (input field contact.phone)', '"12345" is not a valid phone number for IN');
		expect(error.message).toBe(`Invalid 'Phone (input field contact.phone)': "12345" is not a valid phone number for IN [item 3]`);
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toContain('Nothing was sent to the API for this item');
	});

	test('long values are quoted shortened and escaped', () => {
		expect(quote('x'.repeat(1_000_000))).toBe(`"${'x'.repeat(60)}…"`);
		expect(quote('a\nb')).toBe('"a\\nb"');
	});
});

describe('checkText', () => {
	test.each([
		['  hello  ', { maxLength: 10 }, 'hello'],
		[42, { maxLength: 10 }, '42'],
		[1.5, { maxLength: 10 }, '1.5'],
		['', { maxLength: 10 }, undefined],
		[null, { maxLength: 10 }, undefined],
		['line one\nline two', { maxLength: 100 }, 'line one\nline two'],
		['😀'.repeat(6), { maxLength: 6 }, '😀'.repeat(6)],
	])('%j → %j', (value, rules, expected) => {
		expect(checkText(value, rules)).toEqual({ value: expected });
	});

	test.each([
		[{ id: 1 }, { maxLength: 10 }, 'must be text, not an object'],
		[['a', 'b'], { maxLength: 10 }, 'must be text, not a list'],
		[true, { maxLength: 10 }, 'must be text, not true'],
		[1e21, { maxLength: 30 }, 'a number that cannot be written exactly'],
		[9007199254740993, { maxLength: 30 }, 'a number that cannot be written exactly'],
		['x'.repeat(11), { maxLength: 10 }, 'is 11 characters long: at most 10 are accepted'],
		['😀'.repeat(7), { maxLength: 6 }, 'is 7 characters long'],
		['a\u0000b', { maxLength: 10 }, 'contains a control character'],
		['a\nb', { maxLength: 10, kind: 'line' as const }, 'must be one line'],
		['a b', { maxLength: 10, kind: 'token' as const }, 'must not contain spaces'],
		['', { maxLength: 10, required: true }, 'is empty'],
	])('%j is refused', (value, rules, problem) => {
		expect(checkText(value, rules).problem).toContain(problem);
	});

	test('characters are code points, not UTF-16 units', () => {
		expect(characterCount('😀😀')).toBe(2);
		expect('😀😀'.length).toBe(4);
	});
});

describe('IDs', () => {
	test.each([
		[42, 'number', 42],
		['  42 ', 'number', 42],
		['9007199254740991', 'number', 9007199254740991],
		['1234567890123456789', 'text', '1234567890123456789'],
	] as const)('%j as a %s → %j', (value, form, expected) => {
		expect(checkWholeNumberId(value, form as 'number').value).toBe(expected);
	});

	test.each([
		['9007199254740993', 'number', 'larger than 9,007,199,254,740,991'],
		[9007199254740992, 'number', 'too large to be read exactly'],
		[1e21, 'text', 'too large to be read exactly'],
		['99999999999999999999', 'text', 'larger than 9,223,372,036,854,775,807'],
		['-11', 'number', 'is not a whole number above 0'],
		['1e21', 'number', 'is not a whole number above 0'],
		['011', 'number', 'no sign or leading 0'],
		[0, 'number', 'is not a whole number above 0'],
		[1.5, 'number', 'is not a whole number'],
		[{ id: 1 }, 'number', 'not an object'],
		['', 'number', 'is empty'],
	] as const)('%j as a %s is refused', (value, form, problem) => {
		expect(checkWholeNumberId(value, form as 'number').problem).toContain(problem);
	});

	test('text IDs: one token, at most 128 characters, an optional shape', () => {
		expect(checkTextId('call_abc-123')).toEqual({ value: 'call_abc-123' });
		expect(checkTextId('a b').problem).toContain('must not contain spaces');
		expect(checkTextId('x'.repeat(129)).problem).toContain('at most 128');
		expect(checkTextId('nope', { pattern: /^agent_/, shape: 'an agent ID' }).problem).toBe('"nope" is not an agent ID');
	});
});

describe('numbers', () => {
	const range = { min: 1, max: 3_600, integer: true };
	test.each([[300, 300], ['300', 300], [' 1 ', 1], [3_600, 3_600]])('%j → %j', (value, expected) => {
		expect(checkNumber(value, range)).toEqual({ value: expected });
	});
	test.each([1e12, Number.POSITIVE_INFINITY, Number.NaN, 0, -1, 1.5, '12 minutes', {}, true, null])('%j is refused, stating the range', (value) => {
		expect(checkNumber(value, range).problem).toMatch(/^must be a whole number from 1 to 3,600, not /);
	});
	test('not set is allowed where optional', () => {
		expect(checkOptionalNumber('', range)).toEqual({ value: undefined });
		expect(checkNumber(0.5, { min: 0, max: 2 })).toEqual({ value: 0.5 });
	});
});

describe('JSON objects and key/value pairs', () => {
	test.each([
		['{"__proto__": {"isAdmin": true}}', 'the key "__proto__" is not accepted'],
		['{"a": {"constructor": 1}}', 'the key "constructor" is not accepted (it is reserved in JavaScript and would be lost or misread) (at a.constructor)'],
		['{"list": [{"prototype": 1}]}', '(at list.0.prototype)'],
		['[1]', 'must be a JSON object, not a list'],
		['null', 'must be a JSON object, not null'],
		[JSON.stringify({ a: 'x'.repeat(100_001) }), 'at most 100,000 are accepted'],
		[`${'{"a":'.repeat(25)}1${'}'.repeat(25)}`, 'nested more than 20 levels deep'],
	])('%s is refused', (text, problem) => {
		expect(checkJsonObject(parseJsonParameter(text).value).problem).toContain(problem);
	});

	test('an object with ordinary keys (toString among them) is kept as it is', () => {
		const value = JSON.parse('{"toString": "x", "hasOwnProperty": {"constructorName": 1}}');
		expect(checkJsonObject(value)).toEqual({ value });
	});

	test('pairs: bad keys name their position, values are checked too', () => {
		expect(pairsToObject([{ key: 'a', value: 1 }, { key: { k: 1 }, value: 2 }]).problem).toEqual({ position: 2, part: 'Key', problem: 'must be text, not an object' });
		expect(pairsToObject([{ key: '__proto__', value: { a: 1 } }]).problem?.problem).toContain('"__proto__" is not accepted');
		expect(pairsToObject([{ key: 'a', value: JSON.parse('{"__proto__": 1}') }]).problem).toMatchObject({ position: 1, part: 'Value' });
		expect(pairsToObject([{ key: 7, value: 'seven' }, { key: ' ', value: 'x' }])).toEqual({ value: { '7': 'seven' } });
	});

	test('readPath reads own fields only', () => {
		expect(readPath({ name: 'Asha' }, 'toString')).toBeUndefined();
		expect(readPath({ contact: { phone: '1' } }, 'contact.phone')).toBe('1');
		expect(readPath({ 'contact.phone': '2' }, 'contact.phone')).toBe('2');
		expect(readPath({ contact: {} }, 'contact.constructor')).toBeUndefined();
	});
});

describe('URLs', () => {
	test.each(['https://hooks.example.com/x?token=1', 'http://[::1]:5678/x', 'http://user@hooks.example.com/x'])('%s is an http(s) URL with a host', (url) => {
		expect(checkHttpUrl(url)).toEqual({ value: url });
	});
	test.each(['https:///path', 'http://', 'http://:80/x', 'ftp://example.com', 'example.com/x', 'javascript:alert(1)'])('%s is refused', (url) => {
		expect(checkHttpUrl(url).problem).toContain('is not an http:// or https:// URL with a host');
	});
	test('a URL is one token of at most 2,048 characters', () => {
		expect(checkHttpUrl('https://a b.com').problem).toContain('must not contain spaces');
		expect(checkHttpUrl(`https://a.com/${'p'.repeat(2_040)}`).problem).toContain('at most 2,048');
	});

	test.each([
		['localhost', true],
		['127.0.0.2', true],
		['10.1.2.3', true],
		['172.31.255.255', true],
		['172.32.0.1', false],
		['192.168.0.1', true],
		['169.254.169.254', true],
		['100.64.0.1', true],
		['100.128.0.1', false],
		['[::1]', true],
		['[fd12::1]', true],
		['[fe80::1]', true],
		['[::ffff:7f00:1]', true],
		['[2001:db8::1]', false],
		['n8n', true],
		['n8n.local', true],
		['hooks.example.com', false],
		['10.example.com', false],
	])('%s private: %s', (host, expected) => {
		expect(isPrivateHost(host)).toBe(expected);
	});

	test('a private webhook host is refused unless the Base URL is private too', () => {
		expect(unreachableUrlProblem('http://localhost/x', 'OSVI', 'https://api.osvi.ai')).toContain("OSVI's servers cannot reach it");
		expect(unreachableUrlProblem('http://localhost/x', 'OSVI', 'http://127.0.0.1:5680/osvi')).toBeUndefined();
		expect(unreachableUrlProblem('http://10.0.0.5/x', 'OSVI', 'http://proxy.internal/osvi')).toBeUndefined();
		expect(unreachableUrlProblem('https://hooks.example.com/x', 'OSVI', 'https://api.osvi.ai')).toBeUndefined();
	});
});

describe('headers', () => {
	test.each(['X-VoiceOS-Secret', "x-a.b_c!#$%&'*+^`|~"])('%s is a header name', (name) => {
		expect(checkHeaderName(name)).toEqual({ value: name });
	});
	test.each(['X-A\r\nX-Injected: 1', 'X Secret', 'X:Secret', 'Ünicode', ''])('%j is not', (name) => {
		expect(checkHeaderName(name).problem).toBeDefined();
	});
	test('values are one line and never quoted in the problem', () => {
		expect(checkHeaderValue('s3cret\tpart')).toEqual({ value: 's3cret\tpart' });
		expect(checkHeaderValue('s3cret\r\nX-Injected: 1').problem).toBe('must be one line without control characters');
	});
});

describe('choices', () => {
	const choices = [{ name: 'Ended', value: 'ended' }, { name: 'Queued', value: 'queued' }];
	test('a value of the list, or the names of the choices', () => {
		expect(checkChoice('ended', choices)).toEqual({ value: 'ended' });
		expect(checkChoice({ a: 1 }, choices).problem).toBe('an object is not one of Ended, Queued');
	});
	test('a collection checks its options fields, multi-options entry by entry', () => {
		const filters = { displayName: 'Filters', name: 'filters', type: 'collection', default: {}, options: [
			{ displayName: 'Status', name: 'status', type: 'multiOptions', default: [], options: choices },
			{ displayName: 'Text', name: 'text', type: 'string', default: '' },
		] } as INodeProperties;
		expect(() => checkCollectionChoices(node, 0, filters, { status: ['ended'], text: { any: 1 } })).not.toThrow();
		expect(() => checkCollectionChoices(node, 2, filters, { status: ['ended', 'gone'] })).toThrow(`Invalid 'Filters › Status': "gone" is not one of Ended, Queued [item 2]`);
	});
});

test('a bare end date covers the whole day; objects are no dates', () => {
	expect(toZonedIsoTimestamp('2025-01-15T23:59:59.999', 'Asia/Kolkata')).toBe('2025-01-15T23:59:59.999+05:30');
	expect(() => toZonedIsoTimestamp({ date: '2025-01-15' }, 'UTC')).toThrow('must be a date, not an object');
});
