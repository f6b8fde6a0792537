import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toZonedIsoTimestamp } from './dates';
import { invalidFieldError } from './validation';

/**
 * Date filters of a "Filters" collection as query values: each set one is pinned to the workflow's
 * time zone and sent as ISO 8601 with offset; a value that is not a date names its field.
 * `fields`: [parameter name, query key, label].
 */
export function dateFilterQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
	fields: ReadonlyArray<readonly [string, string, string]>,
): IDataObject {
	const qs: IDataObject = {};
	for (const [name, key, label] of fields) {
		if (!filters[name]) continue;
		try {
			qs[key] = toZonedIsoTimestamp(filters[name], context.getTimezone());
		} catch (error) {
			throw invalidFieldError(context.getNode(), itemIndex, `Filters › ${label}`, (error as Error).message);
		}
	}
	return qs;
}
