import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { isBareDate, toZonedIsoTimestamp } from './dates';
import { invalidFieldError } from './validation';

/**
 * A date filter: [parameter name, query key, label], and for an inclusive upper bound
 * `'throughEndOfDay'`: a bare date (`2025-01-15`) then means up to the end of that day, not its start.
 */
export type DateFilter = readonly [string, string, string, 'throughEndOfDay'?];

/**
 * Date filters of a "Filters" collection as query values: each set one is pinned to the workflow's
 * time zone and sent as ISO 8601 with offset; a value that is not a date names its field.
 */
export function dateFilterQuery(
	context: IExecuteFunctions,
	itemIndex: number,
	filters: IDataObject,
	fields: ReadonlyArray<DateFilter>,
): IDataObject {
	const qs: IDataObject = {};
	for (const [name, key, label, bound] of fields) {
		const value = filters[name];
		if (!value) continue;
		const wallTime = bound === 'throughEndOfDay' && isBareDate(value) ? `${value.trim()}T23:59:59.999` : value;
		try {
			qs[key] = toZonedIsoTimestamp(wallTime, context.getTimezone());
		} catch (error) {
			throw invalidFieldError(context.getNode(), itemIndex, `Filters › ${label}`, (error as Error).message);
		}
	}
	return qs;
}
