import type { IExecuteFunctions } from 'n8n-workflow';

import { readPhoneParameter } from '../../shared/parameters/phoneFields';
import type { NormalisedPhone } from '../../shared/parameters/phone';
import { invalidFieldError, readRequiredText } from '../../shared/parameters/validation';
import { AGENT_ID_PATTERN } from './common.descriptions';

/** Reads an agent locator parameter and checks the ID's documented shape before any request. */
export function readAgentId(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName = 'agent',
	label = 'Agent',
): string {
	const value = context.getNodeParameter(parameterName, itemIndex, '', { extractValue: true });
	const agentId = typeof value === 'string' ? value.trim() : '';
	if (agentId === '') throw invalidFieldError(context.getNode(), itemIndex, label, 'is empty: pick an agent');
	if (!AGENT_ID_PATTERN.test(agentId)) {
		throw invalidFieldError(
			context.getNode(),
			itemIndex,
			label,
			`"${agentId}" is not an OSVI agent ID (it starts with "agent_")`,
		);
	}
	return agentId;
}

/** Reads a call ID parameter; the ID goes into a URL path, so it is encoded. */
export function readCallId(context: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText(context, itemIndex, 'callId', 'Call ID');
}

/** Reads the campaign ID: a whole number above 0 (it goes into the URL path). */
export function readCampaignId(context: IExecuteFunctions, itemIndex: number): number {
	const value = Number(context.getNodeParameter('campaignId', itemIndex, 0));
	if (!Number.isInteger(value) || value <= 0) {
		throw invalidFieldError(context.getNode(), itemIndex, 'Campaign ID', 'must be a whole number above 0');
	}
	return value;
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
