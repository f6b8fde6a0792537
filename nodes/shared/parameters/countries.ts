import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listCountryCodes } from './phone';

// Made on first use: making it loads ICU's region names, which took about 15 ms of every node's
// load at n8n's start-up (docs/benchmarks.md), for a list only the editor asks for.
let regionNames: Intl.DisplayNames | undefined;

/** Every country the phone library knows, by English name, for a country picker. */
export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
	const names = regionNames;
	return listCountryCodes()
		.map((code) => ({ name: `${names.of(code) ?? code} (${code})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
