import { checkPhoneNumber, isKnownCountry } from '../../nodes/shared/parameters/phone';

describe('checkPhoneNumber: what CRMs hold becomes one canonical number', () => {
	test.each([
		// input, default country, E.164, national digits, country
		['+91 98765-43210', 'IN', '+919876543210', '9876543210', 'IN'],
		['098765 43210', 'IN', '+919876543210', '9876543210', 'IN'],
		['9876543210', 'IN', '+919876543210', '9876543210', 'IN'],
		['+919876543210', undefined, '+919876543210', '9876543210', 'IN'],
		['0091 98765 43210', 'IN', '+919876543210', '9876543210', 'IN'],
		['(415) 555-2671', 'US', '+14155552671', '4155552671', 'US'],
		['+1 415 555 2671', undefined, '+14155552671', '4155552671', 'US'],
		['415.555.2671', 'us', '+14155552671', '4155552671', 'US'],
		['020 7946 0958', 'GB', '+442079460958', '2079460958', 'GB'],
		['+44 20 7946 0958', 'IN', '+442079460958', '2079460958', 'GB'],
		['030 12345678', 'DE', '+493012345678', '3012345678', 'DE'],
		['+971 50 123 4567', undefined, '+971501234567', '501234567', 'AE'],
		['0412 345 678', 'AU', '+61412345678', '412345678', 'AU'],
		['+65 6123 4567', undefined, '+6561234567', '61234567', 'SG'],
	])('%s with %s → %s', (input, country, e164, national, numberCountry) => {
		const { phone, problem } = checkPhoneNumber(input, country);
		expect(problem).toBeUndefined();
		expect(phone).toEqual({ e164, nationalNumber: national, country: numberCountry });
	});

	test('a number given as a JSON number (as spreadsheets do) is read too', () => {
		expect(checkPhoneNumber(9876543210, 'IN').phone?.e164).toBe('+919876543210');
	});

	test('a number with its own +CC decides the country over the default', () => {
		expect(checkPhoneNumber('+1 (415) 555-2671', 'IN').phone?.country).toBe('US');
	});

	test.each([
		['', 'IN', 'phone', 'is empty'],
		['   ', 'IN', 'phone', 'is empty'],
		['12345', 'IN', 'phone', '"12345" is not a valid phone number for IN'],
		['98765432101234', 'IN', 'phone', 'is not a valid phone number'],
		['555-2671', 'US', 'phone', 'is not a valid phone number for US'],
		['not a number', 'IN', 'phone', 'is not only a phone number'],
		['+999 1234 5678', undefined, 'phone', 'is not'],
		['9876543210', undefined, 'phone', 'has no country code'],
		['9876543210', 'XX', 'country', '"XX" is not a known ISO 3166-1 alpha-2 country code'],
		['9876543210', 'India', 'country', 'is not a known'],
	])('rejects %j with %j (%s: %s)', (input, country, field, message) => {
		const result = checkPhoneNumber(input, country);
		expect(result).toEqual({ field, problem: expect.stringContaining(message) });
	});

	test('never adds a country on its own: no silent +1', () => {
		expect(checkPhoneNumber('4155552671').problem).toContain('has no country code');
	});

	test.each([
		// what CRMs hold, beyond plain digits
		['０９８７６５ ４３２１０', 'IN', '+919876543210', 'IN'],
		['＋９１ ９８７６５ ４３２１０', undefined, '+919876543210', 'IN'],
		['00 91 98765 43210', 'US', '+919876543210', 'IN'],
		['+91 (0) 98765 43210', 'IN', '+919876543210', 'IN'],
		['98765\u00a043210', 'IN', '+919876543210', 'IN'],
		['98765–43210', 'IN', '+919876543210', 'IN'],
		// the user's country is kept when it shares the calling code and the number fits it
		['07911 123456', 'GB', '+447911123456', 'GB'],
		['+44 7911 123456', 'GB', '+447911123456', 'GB'],
		['+44 7911 123456', 'IN', '+447911123456', 'GG'],
		['+44 7911 123456', undefined, '+447911123456', 'GG'],
		['01624 612345', 'GB', '+441624612345', 'GB'],
		['(787) 555-1234', 'US', '+17875551234', 'US'],
		['416 555 0123', 'US', '+14165550123', 'US'],
		['212 555 0123', 'CA', '+12125550123', 'CA'],
		['+1 416 555 0123', 'IN', '+14165550123', 'CA'],
	])('%s with %s → %s in %s', (input, country, e164, numberCountry) => {
		const { phone, problem } = checkPhoneNumber(input, country);
		expect(problem).toBeUndefined();
		expect(phone).toMatchObject({ e164, country: numberCountry });
	});

	test.each([
		['abc9876543214', 'is not only a phone number'],
		['call me at +91 98765 43214 tomorrow', 'is not only a phone number'],
		['+91 98765 43214 ext. 99', 'has an extension (99): an AI agent cannot dial extensions'],
		['9876543214 x99', 'has an extension (99)'],
		['9876543214;ext=99', 'has an extension (99)'],
		['-9876543214', 'must start with a digit, + or ('],
		['9876543214\n9876543215', 'is not only a phone number'],
		['tel:+919876543214', 'is not only a phone number'],
		['9'.repeat(51), 'at most 50'],
	])('refuses %j: text that is not only a phone number', (input, problem) => {
		expect(checkPhoneNumber(input, 'IN')).toEqual({ field: 'phone', problem: expect.stringContaining(problem) });
	});

	test.each([
		[-9876543214, 'must be whole and positive'],
		[9876543.214, 'must be whole and positive'],
		[1e21, 'must be whole and positive'],
		[{ phone: '1' }, 'must be text or a number, not an object'],
		[['1'], 'must be text or a number, not a list'],
	])('refuses the JSON value %j', (input, problem) => {
		expect(checkPhoneNumber(input, 'IN').problem).toContain(problem);
	});

	test.each([[{ code: 'IN' }], [['IN']], [91]])('a country that is not text (%j) names the country, never a TypeError', (country) => {
		expect(checkPhoneNumber('9876543210', country)).toEqual({ field: 'country', problem: expect.stringContaining('must be a two-letter country code') });
	});

	test('knows ISO countries', () => {
		expect(isKnownCountry('IN')).toBe(true);
		expect(isKnownCountry('us')).toBe(true);
		expect(isKnownCountry('ZZ')).toBe(false);
	});
});
