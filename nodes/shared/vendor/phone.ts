// The single import point of libphonenumber-js (its "min" metadata: validity checks without
// number types). The build bundles it into this file. Only `phone.ts` loads it, lazily, so
// n8n does not pay for the phone metadata when it loads the node at start-up.
export {
	parsePhoneNumberFromString,
	getCountries,
	getCountryCallingCode,
	isSupportedCountry,
	Metadata,
} from 'libphonenumber-js/min';
export type { CountryCode, PhoneNumber } from 'libphonenumber-js/min';
