import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dateFilterQuery } from '../../../shared/parameters/dateFilters';
import type { DateFilter } from '../../../shared/parameters/dateFilters';
import { filtersProperty, readLimit, returnAllOrLimit } from '../../../shared/parameters/listOptions';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { checkCollectionChoices, readText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { readCampaignNumber, readOptionalAgentId } from '../common.parameters';

export const CALL_STATUSES = [
	{ name: 'Busy', value: 'busy' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Not Picked', value: 'not_picked' },
	{ name: 'Picked', value: 'picked' },
	{ name: 'Voicemail', value: 'voicemail' },
];

const filtersField = filtersProperty([
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		default: '',
		placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
		description: 'Only calls of this agent',
	},
	{
		displayName: 'Call Type',
		name: 'callType',
		type: 'options',
		default: 'outbound',
		options: [
			{ name: 'Inbound', value: 'inbound' },
			{ name: 'Outbound', value: 'outbound' },
		],
	},
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'number',
		default: 0,
		description: 'Only calls of this campaign',
	},
	{
		displayName: 'Campaign Upload ID',
		name: 'campaignUploadId',
		type: 'number',
		default: 0,
		description: 'Only calls of one contact upload, as returned by Add Campaign Contacts',
	},
	{
		displayName: 'Phone Number Contains',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: '98765',
		description: 'Part of the phone number',
	},
	{
		displayName: 'Picked After',
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description:
			"Only calls picked up at or after this time (read in the workflow's time zone)",
	},
	{
		displayName: 'Picked Before',
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description:
			"Only calls picked up at or before this time (read in the workflow's time zone); a date without a time means up to the end of that day",
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'multiOptions',
		default: [],
		options: CALL_STATUSES,
	},
]);

const properties: INodeProperties[] = [...returnAllOrLimit, filtersField];

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['getMany'] } },
	properties,
);

function buildQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	checkCollectionChoices(context.getNode(), itemIndex, filtersField, filters);
	const statuses = Array.isArray(filters.status) ? filters.status : [];
	if (statuses.length > 0) qs.status = statuses.join(',');
	const agentId = readOptionalAgentId(context, itemIndex, 'filters.agentId', 'Filters › Agent ID');
	if (agentId !== undefined) qs.agent_uuid = agentId;
	for (const [name, key, label] of [
		['campaignId', 'campaign_id', 'Campaign ID'],
		['campaignUploadId', 'campaign_upload_id', 'Campaign Upload ID'],
	] as const) {
		if (filters[name] === undefined) continue;
		qs[key] = readCampaignNumber(context, itemIndex, filters[name], `Filters › ${label}`);
	}
	const phoneNumber = readText(context, itemIndex, 'filters.phoneNumber', 'Filters › Phone Number Contains', { maxLength: 50, kind: 'line' });
	if (phoneNumber !== undefined) qs.phone_number = phoneNumber;
	if (filters.callType) qs.call_type = filters.callType;
	const dates: DateFilter[] = [
		['startDate', 'start_date', 'Picked After'],
		// The API's end date is inclusive: a bare date means the whole day, as the API reads it.
		['endDate', 'end_date', 'Picked Before', 'throughEndOfDay'],
	];
	return { ...qs, ...dateFilterQuery(context, itemIndex, filters, dates) };
}

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const qs = buildQuery(this, item.index);
	const limit = readLimit(this, item.index);
	return toItems(await osvi.listAll(this, '/v1/calls', qs, limit, { item }));
}
