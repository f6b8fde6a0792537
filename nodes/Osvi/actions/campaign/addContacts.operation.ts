import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkJsonObject, isReservedKey, reservedKeyProblem } from '../../../shared/parameters/json';
import { readNumber } from '../../../shared/parameters/numbers';
import { readPath } from '../../../shared/parameters/objectPath';
import { PHONE_INPUT_RULES, requirePhone } from '../../../shared/parameters/phoneFields';
import { checkText, describeValue } from '../../../shared/parameters/text';
import type { ItemFailure } from '../../../shared/execution/operation';
import { sameForEveryItem } from '../../../shared/execution/sameForEveryItem';
import type { RequestSettings } from '../../../shared/execution/requestSettings';
import { invalidFieldError, readChoice, readRequiredText, readText, requireValid } from '../../../shared/parameters/validation';
import { toolRefusal } from '../../../shared/calling/guardrails';
import { osvi } from '../../client';
import { agentLocator, campaignIdField, defaultCountryField } from '../common.descriptions';
import { readAgentId, readCampaignId } from '../common.parameters';

/** The documented maximum number of contacts in one request. */
export const MAX_CONTACTS_PER_REQUEST = 10_000;

const PROMPT_VARIABLES = [
	{ name: 'All Other Fields', value: 'all' },
	{ name: 'Selected Fields', value: 'selected' },
	{ name: 'None', value: 'none' },
];

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

/** The limits of one contact: the documented 10,000 per request allows no giant ones. */
export const CONTACT_LIMITS = { personName: 200, fieldName: 200, contactJson: 10_000 } as const;

/** An input field name given in the node (Name Field, Phone Field, Fields to Send). */
function readFieldName(context: IExecuteFunctions, itemIndex: number, name: string, label: string, required: boolean) {
	const rules = { maxLength: CONTACT_LIMITS.fieldName, kind: 'line' as const };
	return (required ? readRequiredText(context, itemIndex, name, label, rules) : readText(context, itemIndex, name, label, rules)) ?? '';
}

/** How messages name a value of the input item ("Phone (input field contact.phone)"). */
const inputField = (what: string, path: string) => `${what} (input field ${path})`;

/** What the node's parameters say for an item: the same for every item unless one holds an expression. */
interface UploadSettings {
	campaignId: number;
	agentUuid: string;
	nameField: string;
	phoneField: string;
	country: unknown;
	/** The input fields sent as prompt variables: every other one, or those selected. */
	variables: { mode: 'all' } | { mode: 'selected'; fields: string[] } | { mode: 'none' };
	batchSize: number;
	enqueue: boolean;
}

/** The parameters UploadSettings is read from. */
const SETTINGS_PARAMETERS = ['campaignId', 'agent', 'nameField', 'phoneField', 'country', 'promptVariables', 'variableFields', 'options', 'enqueue'];

function readSettings(context: IExecuteFunctions, itemIndex: number): UploadSettings {
	const node = context.getNode();
	const mode = readChoice(context, itemIndex, 'promptVariables', 'Prompt Variables', PROMPT_VARIABLES, 'all');
	const variables: UploadSettings['variables'] =
		mode === 'selected'
			? {
					mode,
					fields: readFieldName(context, itemIndex, 'variableFields', 'Fields to Send', false)
						.split(',')
						.map((field) => field.trim())
						.filter((field) => field !== ''),
				}
			: { mode: mode === 'none' ? 'none' : 'all' };
	const enqueue = context.getNodeParameter('enqueue', itemIndex, false);
	if (typeof enqueue !== 'boolean') throw invalidFieldError(node, itemIndex, 'Start Calling Now', `must be true or false, not ${describeValue(enqueue)}`);
	return {
		campaignId: readCampaignId(context, itemIndex),
		agentUuid: readAgentId(context, itemIndex),
		nameField: readFieldName(context, itemIndex, 'nameField', 'Name Field', false),
		phoneField: readFieldName(context, itemIndex, 'phoneField', 'Phone Field', true),
		country: context.getNodeParameter('country', itemIndex, ''),
		variables,
		batchSize: readNumber(context, itemIndex, 'options.batchSize', 'Options › Batch Size', { min: 1, max: MAX_CONTACTS_PER_REQUEST, integer: true }, MAX_CONTACTS_PER_REQUEST),
		enqueue,
	};
}

/**
 * The prompt variables of one contact: every other input field, or the selected ones. A field
 * that would replace the contact's name or phone, or whose name is reserved in JavaScript, is
 * refused rather than dropped: no input field vanishes on its way to OSVI.
 */
function addPromptVariables(node: INode, itemIndex: number, json: IDataObject, contact: IDataObject, settings: UploadSettings) {
	const { variables, nameField, phoneField } = settings;
	let fields: string[] = [];
	if (variables.mode === 'all') fields = Object.keys(json).filter((key) => key !== nameField && key !== phoneField);
	if (variables.mode === 'selected') fields = variables.fields;
	for (const field of fields) {
		if (isReservedKey(field)) throw invalidFieldError(node, itemIndex, inputField('Prompt Variable', field), reservedKeyProblem(field));
		if (Object.prototype.hasOwnProperty.call(contact, field)) {
			throw invalidFieldError(
				node,
				itemIndex,
				inputField('Prompt Variable', field),
				`would replace the contact's ${field === 'phone' ? 'phone number' : 'name'}: leave it out with Prompt Variables → Selected Fields, or rename it`,
			);
		}
		const value = readPath(json, field);
		if (value !== undefined) contact[field] = value as IDataObject[string];
	}
}

/** Reads one input item into a contact, checking its phone, name and size. */
function readContact(context: IExecuteFunctions, itemIndex: number, settings: UploadSettings) {
	const node = context.getNode();
	const { nameField, phoneField } = settings;
	const json = context.getInputData()[itemIndex].json;
	const phone = requirePhone(node, itemIndex, readPath(json, phoneField), settings.country, { phone: inputField('Phone', phoneField) });
	const name = nameField === '' ? undefined : readPath(json, nameField);
	const personName = requireValid(node, itemIndex, inputField('Name', nameField), checkText(name, { maxLength: CONTACT_LIMITS.personName, kind: 'line' }));
	const contact: IDataObject = { person_name: personName ?? '', phone: phone.e164 };
	addPromptVariables(node, itemIndex, json, contact, settings);
	requireValid(node, itemIndex, 'Contact', checkJsonObject(contact, CONTACT_LIMITS.contactJson));
	return { contact, phone };
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
