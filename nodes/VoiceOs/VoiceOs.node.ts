import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { toolGuardrailsProperty } from '../shared/calling/guardrails';
import { getCountries } from '../shared/parameters/countries';
import { requestOptionsProperty } from '../shared/execution/requestSettings';
import { resourceOperationSubtitle } from '../shared/parameters/subtitle';
import { RESUME_WEBHOOKS, resumeWebhook, WAITING_TOOLTIP } from '../shared/waiting';
import * as agent from './actions/agent';
import * as call from './actions/call';
import { voiceOsCalls } from './actions/call/waiting';
import { router } from './actions/router';
import { searchAgents, searchPhoneNumbers } from './methods/listSearch';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Call', value: 'call' },
		],
		default: 'call',
	},
	...agent.description,
	...call.description,
	toolGuardrailsProperty(['createPhoneCall']),
	requestOptionsProperty,
];

export class VoiceOs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'VoiceOS',
		name: 'voiceOs',
		icon: { light: 'file:voiceos.svg', dark: 'file:voiceos.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		description: 'Place phone calls with VoiceOS voice agents (saved or configured inline) and read their results',
		defaults: { name: 'VoiceOS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'voiceOsApi', required: true }],
		// Call → Create Phone Call waiting durably is resumed here (see shared/waiting/).
		webhooks: RESUME_WEBHOOKS,
		waitingNodeTooltip: WAITING_TOOLTIP,
		properties,
	};

	webhook = resumeWebhook(voiceOsCalls);

	methods = {
		listSearch: { searchAgents, searchPhoneNumbers },
		loadOptions: { getCountries },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
