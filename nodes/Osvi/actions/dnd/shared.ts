import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { NormalisedPhone } from '../../../shared/parameters/phone';
import { PHONE_INPUT_RULES } from '../../../shared/parameters/phoneFields';
import { readAgentId, readPhone } from '../common.parameters';

export const dndPhoneField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phone',
	type: 'string',
	required: true,
	default: '',
	placeholder: '+91 98765 43210',
	description: `The number, in any usual format; it is normalised to E.164 before it is sent or compared. ${PHONE_INPUT_RULES}.`,
};

/** An agent and a number of its Do Not Disturb list, as every DND operation reads them. */
export interface DndEntry {
	agentUuid: string;
	phone: NormalisedPhone;
}

export function readDndEntry(context: IExecuteFunctions, itemIndex: number): DndEntry {
	return { agentUuid: readAgentId(context, itemIndex), phone: readPhone(context, itemIndex) };
}
