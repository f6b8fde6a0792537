import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidFieldError } from '../../../shared/parameters/validation';

/** The call records: UnleashX calls a call an execution. */
export const EXECUTIONS = '/agents/executions/list';

/** The executions list's documented filters, for Get Many and for narrowing the search of Get. */
export const executionFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
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
	],
};

export function readExecutionFilters(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const text = (name: string) => String(filters[name] ?? '').trim();
	if (text('agentId')) {
		if (!/^\d+$/.test(text('agentId'))) throw invalidFieldError(context.getNode(), itemIndex, 'Filters › Agent ID', 'must be a number');
		qs.agent_id = text('agentId');
	}
	if (text('duration') && !/^\d+-\d+$/.test(text('duration'))) {
		throw invalidFieldError(context.getNode(), itemIndex, 'Filters › Duration Range (Seconds)', 'must look like 30-300');
	}
	for (const [name, key] of [
		['callingNumber', 'calling_number'],
		['providerNumber', 'provider_number'],
		['status', 'status'],
		['fromDate', 'fromdate'],
		['toDate', 'todate'],
		['sentiment', 'sentiment'],
		['disposition', 'disposition'],
		['duration', 'duration'],
	]) {
		if (text(name)) qs[key] = text(name);
	}
	if (filters.audioAvailable) qs.audio_url = 'available';
	if (filters.transcriptAvailable) qs.transcript = 'available';
	return qs;
}
