import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { keyValuePairsProperty, readKeyValuePairs } from '../../../shared/parameters/objectInput';
import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { readText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { agentLocator } from '../common.descriptions';
import { OSVI_LIMITS, readAgentId, readCustomerId } from '../common.parameters';
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
		description: 'Background for the agent, one line per entry; OSVI keeps the last 5 non-empty lines. At most 10,000 characters.',
	},
]);

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const body: IDataObject = { agent_uuid: readAgentId(this, itemIndex), customer_id: readCustomerId(this, itemIndex) };
	const inputFields = readKeyValuePairs(this, itemIndex, 'inputFields', 'Input Fields');
	if (inputFields) body.input_fields = inputFields;
	const context = (readText(this, itemIndex, 'context', 'Context', { maxLength: OSVI_LIMITS.message }) ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
	if (context.length > 0) body.context = context;
	return body;
}

export async function execute(this: IExecuteFunctions, item: Item, body: IDataObject): Promise<INodeExecutionData[]> {
	return toItems(await osvi.data(this, 'POST', '/v1/chat/session', { body, item, notFoundHint: NOT_FOUND.agent }));
}
