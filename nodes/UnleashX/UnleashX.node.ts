import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { toolGuardrailsProperty } from '../shared/calling/guardrails';
import { getCountries } from '../shared/parameters/countries';
import { requestOptionsProperty } from '../shared/execution/requestSettings';
import { resourceOperationSubtitle } from '../shared/parameters/subtitle';
import * as agent from './actions/agent';
import * as call from './actions/call';
import { router } from './actions/router';
import { searchOutboundAgents } from './methods/listSearch';

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
	toolGuardrailsProperty(['makeCall']),
	requestOptionsProperty,
];

export class UnleashX implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UnleashX',
		name: 'unleashX',
		icon: { light: 'file:unleashx.svg', dark: 'file:unleashx.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: resourceOperationSubtitle(properties),
		description: 'Place outbound calls with UnleashX voice agents and read their executions',
		defaults: { name: 'UnleashX' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unleashXApi', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchOutboundAgents },
		loadOptions: { getCountries },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
