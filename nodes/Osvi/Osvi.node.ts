import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { toolGuardrailsProperty } from '../shared/calling/guardrails';
import { getCountries } from '../shared/parameters/countries';
import { requestOptionsProperty } from '../shared/execution/requestSettings';
import { resourceOperationSubtitle } from '../shared/parameters/subtitle';
import { RESUME_WEBHOOKS, resumeWebhook, WAITING_TOOLTIP } from '../shared/waiting';
import * as agent from './actions/agent';
import * as call from './actions/call';
import * as campaign from './actions/campaign';
import * as chat from './actions/chat';
import * as dnd from './actions/dnd';
import { osviCalls } from './actions/call/waiting';
import { router } from './actions/router';
import { searchAgents } from './methods/listSearch';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Agent', value: 'agent' },
			{ name: 'Call', value: 'call' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Chat', value: 'chat' },
			{ name: 'Do Not Disturb', value: 'dnd' },
		],
		default: 'call',
	},
	...agent.description,
	...call.description,
	...campaign.description,
	...dnd.description,
	...chat.description,
	toolGuardrailsProperty(['initiate', 'addContacts']),
	requestOptionsProperty,
];

export class Osvi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OSVI',
		name: 'osvi',
		icon: { light: 'file:osvi.svg', dark: 'file:osvi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		description:
			'Place calls with OSVI AI voice agents and read their results, run campaigns, manage Do-Not-Disturb lists, and chat with human takeover',
		defaults: { name: 'OSVI' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'osviApi', required: true }],
		// Call → Initiate waiting durably is resumed here (see shared/waiting/).
		webhooks: RESUME_WEBHOOKS,
		waitingNodeTooltip: WAITING_TOOLTIP,
		properties,
	};

	webhook = resumeWebhook(osviCalls);

	methods = {
		listSearch: { searchAgents },
		loadOptions: { getCountries },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
