import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
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
				description: 'Each turn of the conversation as its own item; one item with has_transcript false when there are none',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['getTranscript'] } },
	properties,
);

const NO_TRANSCRIPT = 'The call has no transcript: it was not answered, or nothing was said.';

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const callId = readCallId(this, item.index);
	const data = await osvi.data<{ call_id?: string; transcript?: unknown[] }>(
		this,
		'GET',
		`/v1/call/${encodeURIComponent(callId)}/transcript`,
		{ item, notFoundHint: NOT_FOUND.call },
	);
	// Turn fields are undocumented: they pass through unchanged.
	const transcript = Array.isArray(data?.transcript) ? data.transcript : [];
	if (this.getNodeParameter('output', item.index, 'call') === 'turns') {
		// No turns is an answer too (e.g. a call that was not answered): one item says so, so the
		// workflow goes on instead of stopping silently.
		if (transcript.length === 0) return [{ json: { call_id: data?.call_id ?? callId, has_transcript: false, message: NO_TRANSCRIPT } }];
		return transcript.map((turn, index) => ({
			json: { call_id: data?.call_id ?? callId, turn_index: index, ...(turn as IDataObject) },
		}));
	}
	return [{ json: { call_id: data?.call_id ?? callId, transcript: transcript as IDataObject[] } }];
}
