// Families of bad values, the same for every field of a kind (phone, country, text, number, JSON).
// Each entry: [what is wrong, the value an item carries].
type Values = Array<[string, unknown]>;

/** A JSON object string of about `length` characters. */
export const bigJson = (length: number) => JSON.stringify({ blob: 'x'.repeat(length) });

/** A JSON string nested `depth` levels deep. */
export const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** What CRMs hold that is not (only) a phone number, for a number in India. */
export const badPhones: Values = [
	['letters before the number', 'abc9876543214'],
	['letters after the number', '9876543214xyz'],
	['a number inside a sentence', 'call me at +91 98765 43214 tomorrow'],
	['an extension written ext.', '+91 98765 43214 ext. 99'],
	['an extension written x', '9876543214 x99'],
	['an extension written #', '9876543214#99'],
	['an extension written ;ext=', '9876543214;ext=99'],
	['a negative JSON number', -9876543214],
	['a fractional JSON number', 9876543.214],
	['a JSON number too large to be exact', 1e21],
	['a leading minus sign', '-9876543214'],
	['a tel: URI', 'tel:+919876543214'],
	['two numbers with a comma', '+91 98765 43214, +91 98765 43215'],
	['two numbers on two lines', '9876543214\n9876543215'],
	['a note in brackets', '+91 98765 43214 (mobile)'],
	['an object', { number: '9876543214' }],
	['a list', ['9876543214']],
	['true', true],
	['empty', ''],
	['only spaces', '   '],
	['too short', '12345'],
	['an unknown calling code', '+999 1234 5678'],
	['too many digits', '98765432101234'],
	['far too long', '9'.repeat(80)],
	['a lone plus', '+'],
	['two plus signs', '++91 98765 43214'],
	['full-width digits with a full-width extension', '９８７６５４３２１４ｅｘｔ９９'],
];

export const badCountries: Values = [
	['an object', { code: 'IN' }],
	['a list', ['IN']],
	['a number', 91],
	['an unknown code', 'XX'],
	['a country name', 'India'],
	['three letters', 'IND'],
];

const CONTROL = 'a\u0000b';

/** Text: an object, a list, true, one character too many; line breaks for one-line text, spaces for IDs. */
export function badText(maxLength: number, kind: 'text' | 'line' | 'token' = 'text'): Values {
	const values: Values = [
		['an object', { text: 'hello' }],
		['a list', ['a', 'b']],
		['true', true],
		[`${maxLength + 1} characters (at most ${maxLength})`, 'x'.repeat(maxLength + 1)],
		['a control character', CONTROL],
	];
	if (maxLength < 500_000) values.push(['1 MB', 'x'.repeat(1_048_576)]);
	if (kind !== 'text') values.push(['a line break', 'first\nsecond']);
	if (kind === 'token') values.push(['a space', 'agt 1']);
	return values;
}

/** A number out of `min`..`max`, not finite, not a number; fractions when it must be whole. */
export function badNumbers(min: number, max: number, integer: boolean): Values {
	const values: Values = [
		['1e12', 1e12],
		['Infinity', Number.POSITIVE_INFINITY],
		['NaN', Number.NaN],
		[`below ${min}`, min - 1],
		[`above ${max}`, max + 1],
		['text that is not a number', '12 minutes'],
		['an object', { value: 5 }],
	];
	if (integer) values.push(['a fraction', min + 0.5]);
	return values;
}

/** A JSON parameter's text that is not an acceptable object. */
export const badJsonText: Values = [
	['a JSON list', '[1, 2]'],
	['a JSON number', '42'],
	['a JSON string', '"text"'],
	['JSON null', 'null'],
	['not JSON', '{oops}'],
	['a __proto__ key', '{"__proto__": {"isAdmin": true}}'],
	['a constructor key', '{"constructor": {"prototype": {"isAdmin": true}}}'],
	['a nested prototype key', '{"customer": {"prototype": 1}}'],
	['more than 100,000 characters', bigJson(100_001)],
	['nested 25 levels deep', deepJson(25)],
];

/** An object given by an expression (not text) that is not an acceptable object. */
export const badObjectValues: Values = [
	['a list', ['a', 'b']],
	['a number', 42],
	['a string', 'text'],
	['more than 100,000 characters', { blob: 'x'.repeat(100_001) }],
];

/** Keys of a key/value pair that cannot be a key. */
export const badKeys: Values = [
	['an object', { a: 1 }],
	['a list', ['a']],
	['__proto__', '__proto__'],
	['constructor', 'constructor'],
	['prototype', 'prototype'],
	['a line break', 'a\nb'],
	['201 characters', 'k'.repeat(201)],
];
