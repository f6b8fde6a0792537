// Reading one item of Campaign → Add Contacts into a contact: the node's settings (the same for
// every item unless one holds an expression), the phone number, the name and the prompt variables.
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { checkJsonObject, isReservedKey, reservedKeyProblem } from '../../../shared/parameters/json';
import { readNumber } from '../../../shared/parameters/numbers';
import { readPath } from '../../../shared/parameters/objectPath';
import { requirePhone } from '../../../shared/parameters/phoneFields';
import { checkText, describeValue } from '../../../shared/parameters/text';
import { invalidFieldError, readChoice, readRequiredText, readText, requireValid } from '../../../shared/parameters/validation';
import { readAgentId, readCampaignId } from '../common.parameters';

/** The documented maximum number of contacts in one request. */
export const MAX_CONTACTS_PER_REQUEST = 10_000;

export const PROMPT_VARIABLES = [
	{ name: 'All Other Fields', value: 'all' },
	{ name: 'Selected Fields', value: 'selected' },
	{ name: 'None', value: 'none' },
];

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
export interface UploadSettings {
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
export const SETTINGS_PARAMETERS = ['campaignId', 'agent', 'nameField', 'phoneField', 'country', 'promptVariables', 'variableFields', 'options', 'enqueue'];

export function readSettings(context: IExecuteFunctions, itemIndex: number): UploadSettings {
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
export function readContact(context: IExecuteFunctions, itemIndex: number, settings: UploadSettings) {
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

