import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { callIdField } from '../common.descriptions';
import { readCallId } from '../common.parameters';

const properties: INodeProperties[] = [
	callIdField,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'call',
		options: [
			{
				name: 'One Item per Call',
				value: 'call',
				description: 'The transcript as a list of turns inside one item',
			},
			{
				name: 'One Item per Turn',
				value: 'turns',
				description: 'Each turn of the conversation as its own item',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['getTranscript'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const callId = readCallId(this, item.index);
	const data = await osvi.data<{ call_id?: string; transcript?: unknown[] }>(
		this,
		'GET',
		`/v1/call/${encodeURIComponent(callId)}/transcript`,
		{ item },
	);
	// Turn fields are undocumented: they pass through unchanged.
	const transcript = Array.isArray(data?.transcript) ? data.transcript : [];
	if (this.getNodeParameter('output', item.index, 'call') === 'turns') {
		return transcript.map((turn, index) => ({
			json: { call_id: data?.call_id ?? callId, turn_index: index, ...(turn as IDataObject) },
		}));
	}
	return [{ json: { call_id: data?.call_id ?? callId, transcript: transcript as IDataObject[] } }];
}
