import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listCountryCodes } from './phone';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Every country the phone library knows, by English name, for a country picker. */
export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return listCountryCodes()
		.map((code) => ({ name: `${regionNames.of(code) ?? code} (${code})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
