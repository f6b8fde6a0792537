import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { unleashX } from '../../client';
import { isOutboundVoiceAgent, unwrapList } from './voiceAgents';

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, [
	{
		displayName: 'Agent Type',
		name: 'agentType',
		type: 'options',
		default: 3,
		options: [
			{ name: 'All', value: 0 },
			{ name: 'Chat', value: 2 },
			{ name: 'General', value: 4 },
			{ name: 'Voice', value: 3 },
		],
	},
	{
		displayName: 'Only Agents That Can Call',
		name: 'onlyCallers',
		type: 'boolean',
		default: false,
		description: 'Whether to keep only active outbound voice agents (the ones Make Call accepts)',
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const agentType = Number(this.getNodeParameter('agentType', item.index, 3));
	const answer = await unleashX.request(this, 'GET', '/agents/get', { qs: agentType ? { agent_type: agentType } : {}, item });
	const onlyCallers = this.getNodeParameter('onlyCallers', item.index, false) as boolean;
	return toItems(unwrapList(answer).filter((agent) => !onlyCallers || isOutboundVoiceAgent(agent)));
}
