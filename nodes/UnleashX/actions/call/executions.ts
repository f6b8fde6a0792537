import type { IDataObject } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import type { ApiContext } from '../../../shared/transport/http';
import { unleashX } from '../../client';
import { EXECUTIONS } from './filters';

/** The key that holds the execution ID in a list row is not documented: the likely ones are tried. */
export function rowId(row: IDataObject): string {
	return String(row.ID ?? row.EXECUTION_ID ?? row.execution_id ?? '');
}

/**
 * Looks for executions by ID in the executions list (newest first): UnleashX documents no read of
 * one call. Stops at the page where the last one was found, or after `maxPages`.
 */
export async function findExecutions(
	context: ApiContext,
	ids: string[],
	filters: IDataObject,
	maxPages: number,
	item?: Item,
): Promise<{ found: Map<string, IDataObject>; searched: number }> {
	const wanted = new Set(ids);
	const found = new Map<string, IDataObject>();
	const rows = await unleashX.listAll(context, EXECUTIONS, filters, undefined, {
		item,
		maxPages,
		stopWhen: (row) => {
			const id = rowId(row);
			if (wanted.has(id) && !found.has(id)) found.set(id, row);
			return found.size === wanted.size;
		},
	});
	// The page that ended the search may hold more wanted rows after the last one looked at.
	for (const row of rows) if (wanted.has(rowId(row)) && !found.has(rowId(row))) found.set(rowId(row), row);
	return { found, searched: rows.length };
}
