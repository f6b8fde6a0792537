import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pairsToObject } from '../../../shared/json';
import { toItems } from '../../../shared/router';
import { osviData } from '../../transport';
import { agentLocator, readAgentId } from '../common.descriptions';
import { readRequiredText } from '../../../shared/validation';
import { customerIdField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['createSession'] } }, [
	agentLocator,
	customerIdField,
	{
		displayName: 'Input Fields',
		name: 'inputFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		description: 'Customer attributes the agent can use (e.g. name, plan)',
		options: [
			{
				displayName: 'Field',
				name: 'values',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Context',
		name: 'context',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Background for the agent, one line per entry; OSVI keeps the last 5 non-empty lines',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const agentUuid = readAgentId(this, itemIndex);
	const customerId = readRequiredText(this, itemIndex, 'customerId', 'Customer ID');
	const pairs = this.getNodeParameter('inputFields.values', itemIndex, []) as Array<{ key?: string; value?: unknown }>;
	const context = String(this.getNodeParameter('context', itemIndex, '') ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
	const body: IDataObject = { agent_uuid: agentUuid, customer_id: customerId };
	if (pairs.length > 0) body.input_fields = pairsToObject(pairs) as IDataObject;
	if (context.length > 0) body.context = context;
	return toItems(await osviData(this, 'POST', '/v1/chat/session', { body, itemIndex }));
}
