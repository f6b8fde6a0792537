import type * as PhoneLibrary from '../vendor/phone';

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

let library: typeof PhoneLibrary | undefined;

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

/**
 * Turns what CRMs hold (`+91 98765-43210`, `098765 43210`, `(415) 555-2671`, `0091…`) into one
 * canonical number. A number written with its own `+CC` (or international prefix) decides the
 * country; otherwise `defaultCountry` does. Never guesses a country when neither is given.
 */
export function checkPhoneNumber(input: unknown, defaultCountry?: unknown): PhoneCheck {
	const text = typeof input === 'number' ? String(input) : input;
	if (typeof text !== 'string' || text.trim() === '') return { field: 'phone', problem: 'is empty' };
	if (defaultCountry !== undefined && defaultCountry !== null && typeof defaultCountry !== 'string') {
		return { field: 'country', problem: 'must be a two-letter country code such as IN or US' };
	}
	const lib = phoneLibrary();
	const country = defaultCountry?.trim().toUpperCase() || undefined;
	if (country !== undefined && !lib.isSupportedCountry(country)) {
		return { field: 'country', problem: `"${defaultCountry}" is not a known ISO 3166-1 alpha-2 country code` };
	}
	const startsInternational = /^\s*(\+|00)/.test(text);
	if (country === undefined && !startsInternational) {
		return {
			field: 'phone',
			problem: `"${text}" has no country code: write it with +<country code> or set the country`,
		};
	}
	const parsed = lib.parsePhoneNumberFromString(text, country as PhoneLibrary.CountryCode | undefined);
	if (parsed === undefined) return { field: 'phone', problem: `"${text}" is not a phone number` };
	const numberCountry = parsed.country;
	if (!parsed.isValid() || numberCountry === undefined) {
		const where = numberCountry ?? country;
		return { field: 'phone', problem: `"${text}" is not a valid phone number${where ? ` for ${where}` : ''}` };
	}
	return { phone: { e164: parsed.number, nationalNumber: parsed.nationalNumber, country: numberCountry } };
}
