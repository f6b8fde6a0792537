import type { IExecuteFunctions } from 'n8n-workflow';

import { checkTextId, checkWholeNumberId, readOptionalTextId, readTextId } from '../../shared/parameters/ids';
import { readPhoneParameter } from '../../shared/parameters/phoneFields';
import type { NormalisedPhone } from '../../shared/parameters/phone';
import { readRequiredText, requireValid } from '../../shared/parameters/validation';
import { AGENT_ID_PATTERN } from './common.descriptions';

const AGENT_ID_RULES = { pattern: AGENT_ID_PATTERN, shape: 'an OSVI agent ID (it starts with "agent_")', emptyProblem: 'is empty: pick an agent' };

/** An OSVI agent ID as documented: `agent_` followed by letters, digits, `_` and `-`. */
export function checkAgentId(value: unknown) {
	return checkTextId(value, AGENT_ID_RULES);
}

/** Reads an agent locator parameter and checks the ID's documented shape before any request. */
export function readAgentId(context: IExecuteFunctions, itemIndex: number): string {
	return readTextId(context, itemIndex, 'agent', 'Agent', AGENT_ID_RULES);
}

/** An optional agent ID field (a filter): `undefined` when blank. */
export function readOptionalAgentId(context: IExecuteFunctions, itemIndex: number, name: string, label: string): string | undefined {
	return readOptionalTextId(context, itemIndex, name, label, AGENT_ID_RULES);
}

/** Reads a call ID parameter (it goes into a URL path, where it is encoded). */
export function readCallId(context: IExecuteFunctions, itemIndex: number): string {
	return readTextId(context, itemIndex, 'callId', 'Call ID');
}

/**
 * A campaign (or upload) ID: a whole number above 0 that a JavaScript number holds exactly (the
 * API documents an integer; `1e21` would go into the URL as "1e+21").
 */
export function readCampaignNumber(context: IExecuteFunctions, itemIndex: number, value: unknown, label: string): number {
	return requireValid(context.getNode(), itemIndex, label, checkWholeNumberId(value, 'number'));
}

/** Reads the campaign ID. */
export function readCampaignId(context: IExecuteFunctions, itemIndex: number): number {
	return readCampaignNumber(context, itemIndex, context.getNodeParameter('campaignId', itemIndex, 0), 'Campaign ID');
}

/** Reads a phone parameter and the default country, and normalises the number to E.164. */
export function readPhone(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'phone',
	label = 'Phone Number',
): NormalisedPhone {
	return readPhoneParameter(context, itemIndex, parameterName, { phone: label });
}

/** The documented or chosen limits of OSVI's text fields, in characters. */
export const OSVI_LIMITS = {
	/** A customer ID of the chat API (an email, a phone number or a CRM ID). */
	customerId: 255,
	/** A chat message, an operator message, injected context. */
	message: 10_000,
	/** A Do Not Disturb reason. */
	reason: 500,
} as const;

/** A customer ID of the chat API: one line, text or a number. */
export function readCustomerId(context: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText(context, itemIndex, 'customerId', 'Customer ID', { maxLength: OSVI_LIMITS.customerId, kind: 'line' });
}
