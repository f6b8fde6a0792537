import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readPath } from '../../../shared/parameters/objectPath';
import { requirePhone } from '../../../shared/parameters/phoneFields';
import type { ItemFailure } from '../../../shared/execution/operation';
import type { RequestSettings } from '../../../shared/execution/requestSettings';
import { invalidFieldError } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { agentLocator, campaignIdField, defaultCountryField } from '../common.descriptions';
import { readAgentId, readCampaignId } from '../common.parameters';

/** The documented maximum number of contacts in one request. */
export const MAX_CONTACTS_PER_REQUEST = 10_000;

const properties: INodeProperties[] = [
	campaignIdField,
	agentLocator,
	{
		displayName: 'Name Field',
		name: 'nameField',
		type: 'string',
		default: 'name',
		placeholder: 'name',
		description: "The input field that holds the contact's name (dots reach into objects, e.g. contact.name)",
	},
	{
		displayName: 'Phone Field',
		name: 'phoneField',
		type: 'string',
		required: true,
		default: 'phone',
		placeholder: 'phone',
		description: 'The input field that holds the phone number, in any usual format',
	},
	defaultCountryField,
	{
		displayName: 'Prompt Variables',
		name: 'promptVariables',
		type: 'options',
		default: 'all',
		description: 'Other input fields sent with each contact; the agent can use them during the call',
		options: [
			{ name: 'All Other Fields', value: 'all' },
			{ name: 'Selected Fields', value: 'selected' },
			{ name: 'None', value: 'none' },
		],
	},
	{
		displayName: 'Fields to Send',
		name: 'variableFields',
		type: 'string',
		default: '',
		placeholder: 'appointment_date, plan',
		description: 'Comma-separated input fields to send as prompt variables',
		displayOptions: { show: { promptVariables: ['selected'] } },
	},
	{
		displayName: 'Start Calling Now',
		name: 'enqueue',
		type: 'boolean',
		default: false,
		description:
			'Whether to release the contacts to the calling queue at once (needs an active outbound trunk on the agent). Otherwise they wait in the campaign.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_CONTACTS_PER_REQUEST },
				default: MAX_CONTACTS_PER_REQUEST,
				description: 'Contacts per request, at most 10,000 (the API limit)',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['addContacts'] } },
	properties,
);

interface ContactOfItem {
	itemIndex: number;
	contact: IDataObject;
}

interface Upload {
	campaignId: number;
	agentUuid: string;
	enqueue: boolean;
	batchSize: number;
	contacts: ContactOfItem[];
}

/** Reads one input item into a contact and the upload it belongs to. */
function readContact(context: IExecuteFunctions, itemIndex: number) {
	const node = context.getNode();
	const campaignId = readCampaignId(context, itemIndex);
	const agentUuid = readAgentId(context, itemIndex);
	const json = context.getInputData()[itemIndex].json;
	const nameField = (context.getNodeParameter('nameField', itemIndex, 'name') as string).trim();
	const phoneField = (context.getNodeParameter('phoneField', itemIndex, 'phone') as string).trim();
	const country = context.getNodeParameter('country', itemIndex, '');
	const phone = requirePhone(node, itemIndex, readPath(json, phoneField), country, { phone: `Phone (input field "${phoneField}")` });
	const name = nameField === '' ? undefined : readPath(json, nameField);
	const contact: IDataObject = { person_name: name === undefined || name === null ? '' : String(name), phone: phone.e164 };

	const mode = context.getNodeParameter('promptVariables', itemIndex, 'all') as string;
	if (mode === 'all') {
		for (const [key, value] of Object.entries(json)) {
			if (key !== nameField && key !== phoneField && !(key in contact)) contact[key] = value;
		}
	} else if (mode === 'selected') {
		const fields = (context.getNodeParameter('variableFields', itemIndex, '') as string)
			.split(',')
			.map((field) => field.trim())
			.filter((field) => field !== '');
		for (const field of fields) {
			const value = readPath(json, field);
			if (value !== undefined) contact[field] = value as IDataObject[string];
		}
	}

	const batchSize = Number((context.getNodeParameter('options', itemIndex, {}) as IDataObject).batchSize ?? MAX_CONTACTS_PER_REQUEST);
	if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_CONTACTS_PER_REQUEST) {
		throw invalidFieldError(node, itemIndex, 'Options › Batch Size', `must be a whole number from 1 to ${MAX_CONTACTS_PER_REQUEST}`);
	}
	const enqueue = context.getNodeParameter('enqueue', itemIndex, false) as boolean;
	return { campaignId, agentUuid, enqueue, batchSize, contact };
}

/**
 * Gathers the contacts of all items into as few requests as possible (per campaign, agent and
 * "start calling" choice, at most Batch Size each). Items that cannot be read are failures, and
 * without Continue On Fail nothing is sent when any item is bad.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
	settings: RequestSettings,
): Promise<{ output: INodeExecutionData[]; failures: ItemFailure[] }> {
	const failures: ItemFailure[] = [];
	const uploads = new Map<string, Upload>();
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		let read;
		try {
			read = readContact(this, itemIndex);
		} catch (error) {
			failures.push({ itemIndex, error: error as Error });
			continue;
		}
		const key = `${read.campaignId}|${read.agentUuid}|${read.enqueue}|${read.batchSize}`;
		const upload = uploads.get(key) ?? { ...read, contacts: [] };
		upload.contacts.push({ itemIndex, contact: read.contact });
		uploads.set(key, upload);
	}
	if (failures.length > 0 && !this.continueOnFail()) return { output: [], failures };

	const output: INodeExecutionData[] = [];
	for (const upload of uploads.values()) {
		for (let start = 0; start < upload.contacts.length; start += upload.batchSize) {
			const batch = upload.contacts.slice(start, start + upload.batchSize);
			const firstItem = batch[0].itemIndex;
			try {
				const data = await osvi.data(this, 'POST', `/v1/campaigns/${upload.campaignId}/contacts`, {
					body: { agent_uuid: upload.agentUuid, contacts: batch.map(({ contact }) => contact), enqueue: upload.enqueue },
					item: { index: firstItem, settings },
				});
				output.push({
					json: { campaign_id: upload.campaignId, agent_uuid: upload.agentUuid, contacts_sent: batch.length, ...data },
					pairedItem: batch.map(({ itemIndex }) => ({ item: itemIndex })),
				});
			} catch (error) {
				// The whole request failed: every item it carried is reported, none is dropped.
				for (const { itemIndex } of batch) failures.push({ itemIndex, error: error as Error });
				if (!this.continueOnFail()) return { output, failures };
			}
		}
	}
	return { output, failures };
}
