import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { PHONE_INPUT_RULES } from '../../../shared/parameters/phoneFields';
import type { ItemFailure } from '../../../shared/execution/operation';
import { sameForEveryItem } from '../../../shared/execution/sameForEveryItem';
import type { RequestSettings } from '../../../shared/execution/requestSettings';
import { toolRefusal } from '../../../shared/calling/guardrails';
import { osvi } from '../../client';
import { agentLocator, campaignIdField, defaultCountryField } from '../common.descriptions';
import { MAX_CONTACTS_PER_REQUEST, PROMPT_VARIABLES, readContact, readSettings, SETTINGS_PARAMETERS } from './addContacts.contact';
import type { UploadSettings } from './addContacts.contact';


const properties: INodeProperties[] = [
	campaignIdField,
	agentLocator,
	{
		displayName: 'Name Field',
		name: 'nameField',
		type: 'string',
		default: 'name',
		placeholder: 'name',
		description: "The input field that holds the contact's name (dots reach into objects, e.g. contact.name); the name is text of at most 200 characters",
	},
	{
		displayName: 'Phone Field',
		name: 'phoneField',
		type: 'string',
		required: true,
		default: 'phone',
		placeholder: 'phone',
		description: `The input field that holds the phone number, in any usual format. ${PHONE_INPUT_RULES}.`,
	},
	defaultCountryField,
	{
		displayName: 'Prompt Variables',
		name: 'promptVariables',
		type: 'options',
		default: 'all',
		description:
			'Other input fields sent with each contact; the agent can use them during the call. A field named like the contact\'s own (person_name, phone) or __proto__, constructor, prototype is refused; each contact is at most 10,000 characters as JSON.',
		options: PROMPT_VARIABLES,
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
			"Whether to release the contacts to the calling queue at once (needs an active outbound trunk on the agent). Otherwise they wait in the campaign. OSVI dials them on the campaign's own schedule: set its calling window in OSVI (this node's Calling Hours apply to single calls only).",
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
	const output: INodeExecutionData[] = [];
	const uploads = new Map<string, Upload>();
	const settingsOf = sameForEveryItem(this, SETTINGS_PARAMETERS, (itemIndex) => readSettings(this, itemIndex));
	for (let itemIndex = 0; itemIndex < itemCount; itemIndex++) {
		let uploadSettings: UploadSettings;
		let read: ReturnType<typeof readContact>;
		let refusal;
		try {
			uploadSettings = settingsOf(itemIndex);
			read = readContact(this, itemIndex, uploadSettings);
			refusal = toolRefusal(this, itemIndex, read.phone);
		} catch (error) {
			failures.push({ itemIndex, error: error as Error });
			continue;
		}
		// As an AI Agent tool, each contact is a call the campaign will place: the guardrails apply.
		if (refusal) {
			output.push({ json: { ...refusal, campaign_id: uploadSettings.campaignId }, pairedItem: { item: itemIndex } });
			continue;
		}
		const { campaignId, agentUuid, enqueue, batchSize } = uploadSettings;
		const key = `${campaignId}|${agentUuid}|${enqueue}|${batchSize}`;
		const upload = uploads.get(key) ?? { campaignId, agentUuid, enqueue, batchSize, contacts: [] };
		upload.contacts.push({ itemIndex, contact: read.contact });
		uploads.set(key, upload);
	}
	if (failures.length > 0 && !this.continueOnFail()) return { output: [], failures };

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
