import type * as TimeZoneData from '../vendor/phoneTimeZones';
import type { NormalisedPhone } from '../parameters/phone';

interface TimeZoneIndex {
	byPrefix: Map<string, readonly string[]>;
	geographic: Map<string, RegExp>;
}

let index: TimeZoneIndex | undefined;

// Loaded on the first Calling Hours check (36 KB of JSON, ~1–2 ms), like the phone metadata:
// n8n loads the node at start-up for every workflow, whether or not it ever checks calling hours.
function timeZoneIndex(): TimeZoneIndex {
	if (index) return index;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const data = require('../vendor/phoneTimeZones') as typeof TimeZoneData;
	const sets = data.sets.map((set) => Object.freeze(set.map((zone) => data.zones[zone])));
	const byPrefix = new Map<string, readonly string[]>();
	data.prefixes.forEach((group, set) => {
		for (const prefix of group.split(' ')) byPrefix.set(prefix, sets[set]);
	});
	const geographic = new Map(Object.entries(data.geographic).map(([region, pattern]) => [region, new RegExp(`^(?:${pattern})$`)]));
	index = { byPrefix, geographic };
	return index;
}

/** Whether the time-zone table has been loaded (start-up checks assert it has not). */
export function timeZoneTableLoaded(): boolean {
	return index !== undefined;
}

/** Longest prefix of the digits in the table: Google's getTimeZonesForGeographicalNumber. */
function zonesByPrefix(byPrefix: Map<string, readonly string[]>, digits: string): readonly string[] {
	for (let length = Math.min(digits.length, 9); length > 0; length--) {
		const zones = byPrefix.get(digits.slice(0, length));
		if (zones) return zones;
	}
	return [];
}

/** The zones of the whole calling code (calling codes are 1–3 digits, and none is a prefix of another). */
function zonesOfCallingCode(byPrefix: Map<string, readonly string[]>, digits: string): readonly string[] {
	for (let length = 1; length <= 3; length++) {
		const zones = byPrefix.get(digits.slice(0, length));
		if (zones) return zones;
	}
	return [];
}

/**
 * The IANA zones a number may ring in, as Google's getTimeZonesForNumber gives them: a geographic
 * number by its longest known prefix (area code); a number that is not geographic (a mobile
 * outside Mexico, Argentina, Brazil, Indonesia and China; a toll-free number) in every zone of its
 * calling code, where that matters (Russia: 16 zones). +1 numbers go by their area code even for
 * Caribbean mobiles; a +1 number without a known area code (toll-free 800, 888 …) gets the whole
 * North American list: 42 zones. Empty when the table knows nothing of the number.
 */
export function timeZonesOfNumber(phone: NormalisedPhone): readonly string[] {
	const { byPrefix, geographic } = timeZoneIndex();
	const digits = phone.e164.replace(/^\+/, '');
	const geographicPattern = geographic.get(phone.country);
	if (geographicPattern && !geographicPattern.test(phone.nationalNumber)) return zonesOfCallingCode(byPrefix, digits);
	return zonesByPrefix(byPrefix, digits);
}
