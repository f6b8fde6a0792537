import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { keyValuePairsProperty, readKeyValuePairs } from '../../../shared/parameters/objectInput';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { agentLocator } from '../common.descriptions';
import { readAgentId } from '../common.parameters';
import { readRequiredText } from '../../../shared/parameters/validation';
import { customerIdField } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['createSession'] } }, [
	agentLocator,
	customerIdField,
	keyValuePairsProperty({
		name: 'inputFields',
		displayName: 'Input Fields',
		entryName: 'Field',
		description: 'Customer attributes the agent can use (e.g. name, plan)',
	}),
	{
		displayName: 'Context',
		name: 'context',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Background for the agent, one line per entry; OSVI keeps the last 5 non-empty lines',
	},
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, item.index);
	const customerId = readRequiredText(this, item.index, 'customerId', 'Customer ID');
	const inputFields = readKeyValuePairs(this, item.index, 'inputFields');
	const context = String(this.getNodeParameter('context', item.index, '') ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
	const body: IDataObject = { agent_uuid: agentUuid, customer_id: customerId };
	if (inputFields) body.input_fields = inputFields;
	if (context.length > 0) body.context = context;
	return toItems(await osvi.data(this, 'POST', '/v1/chat/session', { body, item }));
}
