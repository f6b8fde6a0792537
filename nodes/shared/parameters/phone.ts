import type * as PhoneLibrary from '../vendor/phone';
import { describeValue, quote } from './text';

/** A phone number as every platform may want it. */
export interface NormalisedPhone {
	/** +919876543210 */
	e164: string;
	/** 9876543210: national significant number, without trunk prefix or country code */
	nationalNumber: string;
	/** ISO 3166-1 alpha-2, e.g. IN */
	country: string;
}

/** Why an input is not a callable number, and which input is at fault. */
export interface PhoneProblem {
	field: 'phone' | 'country';
	problem: string;
}

export type PhoneCheck = { phone: NormalisedPhone; problem?: undefined } | ({ phone?: undefined } & PhoneProblem);

/** Longer than any written phone number (15 digits and their punctuation). */
const MAX_PHONE_LENGTH = 50;

/**
 * The characters a phone number is written with in CRMs and spreadsheets: digits, spaces, dashes,
 * dots, brackets and slashes, with one `+` at the start; no line break (two numbers on two lines
 * are not one number). Checked (after NFKC, which turns full-width digits, signs and spaces into
 * ASCII) before parsing, so that the library never picks a number out of other text:
 * "call me at +91 98765 43214 tomorrow" is refused, not dialled.
 */
const PHONE_CHARACTERS = /^\+?[\d \t\-\u2010-\u2015\u2212.()[\]/]+$/;
const STARTS_AND_ENDS_LIKE_A_NUMBER = /^\+?[\d(].*[\d)]$|^\d$/s;

const PHONE_CHARACTERS_TEXT = 'only digits, spaces and + - . ( ) / are accepted';

let library: typeof PhoneLibrary | undefined;
let metadata: PhoneLibrary.Metadata | undefined;

// Loaded on first use: its metadata costs tens of milliseconds that n8n would otherwise pay
// at start-up for every workflow, whether or not it ever places a call.
function phoneLibrary(): typeof PhoneLibrary {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	library ??= require('../vendor/phone') as typeof PhoneLibrary;
	return library;
}

export function isKnownCountry(code: string): boolean {
	return phoneLibrary().isSupportedCountry(code.toUpperCase());
}

export function listCountryCodes(): string[] {
	return phoneLibrary().getCountries().slice().sort();
}

/** The number's text: a string, or a JSON number that holds a whole phone number exactly. */
function phoneText(input: unknown): { text: string; problem?: undefined } | { text?: undefined; problem: string } {
	if (typeof input === 'string') return { text: input.normalize('NFKC').trim() };
	if (typeof input === 'number') {
		if (Number.isSafeInteger(input) && input > 0) return { text: String(input) };
		return { problem: `${input} is not a phone number (a phone number given as a number must be whole and positive)` };
	}
	if (input === undefined || input === null) return { text: '' };
	return { problem: `must be text or a number, not ${describeValue(input)}` };
}

function countryCode(defaultCountry: unknown): { code?: PhoneLibrary.CountryCode; problem?: string } {
	if (defaultCountry === undefined || defaultCountry === null) return {};
	if (typeof defaultCountry !== 'string') {
		return { problem: `must be a two-letter country code such as IN or US, not ${describeValue(defaultCountry)}` };
	}
	const code = defaultCountry.trim().toUpperCase();
	if (code === '') return {};
	if (!/^[A-Z]{2}$/.test(code) || !phoneLibrary().isSupportedCountry(code)) {
		return { problem: `${quote(defaultCountry)} is not a known ISO 3166-1 alpha-2 country code` };
	}
	return { code: code as PhoneLibrary.CountryCode };
}

/** Why text that is not only a phone number is refused; an extension gets its own reason. */
function notOnlyAPhoneNumber(text: string, country: PhoneLibrary.CountryCode | undefined): string {
	const parsed = phoneLibrary().parsePhoneNumberFromString(text, { defaultCountry: country, extract: false });
	if (parsed?.ext) {
		return `${quote(text)} has an extension (${parsed.ext}): an AI agent cannot dial extensions, so a number with one is refused. Give the number without it`;
	}
	if (PHONE_CHARACTERS.test(text)) return `${quote(text)} is not a phone number: it must start with a digit, + or ( and end with a digit or )`;
	return `${quote(text)} is not only a phone number (${PHONE_CHARACTERS_TEXT})`;
}

/** Whether a national number has a length that `country`'s numbering plan allows. */
function fitsCountry(nationalNumber: string, country: PhoneLibrary.CountryCode): boolean {
	metadata ??= new (phoneLibrary().Metadata)();
	metadata.selectNumberingPlan(country);
	return metadata.numberingPlan?.possibleLengths().includes(nationalNumber.length) ?? false;
}

/**
 * The country a number is sent with. Several countries share a calling code (+44: GB, GG, JE, IM;
 * +1: US, CA, PR, …) and the library names the first whose ranges the number falls in; when the
 * user's country shares the number's calling code and the number fits its plan, the user's
 * choice is kept (`07911 123456` with GB stays GB, not GG). A number with another country's
 * calling code keeps its own country.
 */
function chosenCountry(parsed: PhoneLibrary.PhoneNumber, userCountry: PhoneLibrary.CountryCode | undefined): string | undefined {
	const lib = phoneLibrary();
	if (userCountry && lib.getCountryCallingCode(userCountry) === parsed.countryCallingCode && fitsCountry(parsed.nationalNumber, userCountry)) {
		return userCountry;
	}
	return parsed.country;
}

/**
 * Turns what CRMs hold (`+91 98765-43210`, `098765 43210`, `(415) 555-2671`, `0091…`, full-width
 * digits, a JSON number) into one canonical number. Text that is not only a phone number, and a
 * number with an extension, are refused. A number written with its own `+CC` (or `00CC`) decides
 * the calling code; otherwise `defaultCountry` does. Never guesses a country when neither is given.
 */
export function checkPhoneNumber(input: unknown, defaultCountry?: unknown): PhoneCheck {
	const { text, problem } = phoneText(input);
	if (problem !== undefined) return { field: 'phone', problem };
	const country = countryCode(defaultCountry);
	if (country.problem !== undefined) return { field: 'country', problem: country.problem };
	if (text === '') return { field: 'phone', problem: 'is empty' };
	if (text.length > MAX_PHONE_LENGTH) {
		return { field: 'phone', problem: `is ${text.length} characters long: a phone number has at most ${MAX_PHONE_LENGTH}` };
	}
	if (!PHONE_CHARACTERS.test(text) || !STARTS_AND_ENDS_LIKE_A_NUMBER.test(text)) {
		return { field: 'phone', problem: notOnlyAPhoneNumber(text, country.code) };
	}
	// "00" is the international prefix almost everywhere (and no national number starts with it).
	const international = text.startsWith('+') ? text : text.startsWith('00') ? `+${text.slice(2)}` : undefined;
	if (country.code === undefined && international === undefined) {
		return { field: 'phone', problem: `${quote(text)} has no country code: write it with +<country code> or set the country` };
	}
	const parsed = phoneLibrary().parsePhoneNumberFromString(international ?? text, { defaultCountry: country.code, extract: false });
	if (parsed === undefined) return { field: 'phone', problem: `${quote(text)} is not a phone number` };
	const numberCountry = parsed.isValid() ? chosenCountry(parsed, country.code) : undefined;
	if (numberCountry === undefined) {
		const where = parsed.country ?? country.code;
		return { field: 'phone', problem: `${quote(text)} is not a valid phone number${where ? ` for ${where}` : ''}` };
	}
	return { phone: { e164: parsed.number, nationalNumber: parsed.nationalNumber, country: numberCountry } };
}
