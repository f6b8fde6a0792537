import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkWholeNumberId } from '../../../shared/parameters/ids';
import { filtersProperty } from '../../../shared/parameters/listOptions';
import { invalidFieldError, readText, requireValid } from '../../../shared/parameters/validation';

/** The call records: UnleashX calls a call an execution. */
export const EXECUTIONS = '/agents/executions/list';

/** The executions list's documented filters, for Get Many and for narrowing the search of Get. */
export const executionFilters: INodeProperties = filtersProperty([
	{ displayName: 'Agent ID', name: 'agentId', type: 'string', default: '' },
	{ displayName: 'Calling Number Contains', name: 'callingNumber', type: 'string', default: '' },
	{ displayName: 'Disposition', name: 'disposition', type: 'string', default: '', description: 'Comma-separated dispositions' },
	{ displayName: 'Duration Range (Seconds)', name: 'duration', type: 'string', default: '', placeholder: '30-300' },
	{ displayName: 'From Date', name: 'fromDate', type: 'string', default: '', placeholder: '2026-11-01', description: 'Default: a month ago' },
	{ displayName: 'Only With Audio', name: 'audioAvailable', type: 'boolean', default: false },
	{ displayName: 'Only With Transcript', name: 'transcriptAvailable', type: 'boolean', default: false },
	{ displayName: 'Provider Number', name: 'providerNumber', type: 'string', default: '' },
	{ displayName: 'Sentiment', name: 'sentiment', type: 'string', default: '' },
	{ displayName: 'Status', name: 'status', type: 'string', default: '', placeholder: 'completed' },
	{ displayName: 'To Date', name: 'toDate', type: 'string', default: '', placeholder: '2026-11-30' },
]);

/** The longest filter value accepted (dates, numbers, comma lists). */
const MAX_FILTER_LENGTH = 200;

export function readExecutionFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const node = context.getNode();
	const qs: IDataObject = {};
	const text = (name: string, label: string) =>
		readText(context, itemIndex, `filters.${name}`, `Filters › ${label}`, { maxLength: MAX_FILTER_LENGTH, kind: 'line' });
	if (filters.agentId !== undefined && filters.agentId !== '') {
		qs.agent_id = requireValid(node, itemIndex, 'Filters › Agent ID', checkWholeNumberId(filters.agentId, 'text'));
	}
	const duration = text('duration', 'Duration Range (Seconds)');
	if (duration !== undefined && !/^\d+-\d+$/.test(duration)) {
		throw invalidFieldError(node, itemIndex, 'Filters › Duration Range (Seconds)', 'must look like 30-300');
	}
	for (const [name, key, label] of [
		['callingNumber', 'calling_number', 'Calling Number Contains'],
		['providerNumber', 'provider_number', 'Provider Number'],
		['status', 'status', 'Status'],
		['fromDate', 'fromdate', 'From Date'],
		['toDate', 'todate', 'To Date'],
		['sentiment', 'sentiment', 'Sentiment'],
		['disposition', 'disposition', 'Disposition'],
		['duration', 'duration', 'Duration Range (Seconds)'],
	]) {
		const value = text(name, label);
		if (value !== undefined) qs[key] = value;
	}
	if (filters.audioAvailable === true) qs.audio_url = 'available';
	if (filters.transcriptAvailable === true) qs.transcript = 'available';
	return qs;
}
