import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { downloadFile, downloadProperties } from '../../../shared/transport/download';
import { readRequiredText } from '../../../shared/parameters/validation';
import { voiceOs } from '../../client';
import { readTextId } from '../../../shared/parameters/ids';
import { conversationIdField } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getRecording'] } }, [
	conversationIdField,
	...downloadProperties('audio'),
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const id = readTextId(this, item.index, 'conversationId', 'Conversation ID');
	const { recording_url: url } = await voiceOs.request<{ recording_url?: string }>(this, 'GET', `/conversations/${encodeURIComponent(id)}/recording`, {
		item,
		notFoundHint: 'VoiceOS has no recording for this conversation yet: a recording exists once the conversation has ended (check its status with Call → Get), and only for an ID of this account.',
	});
	const json = { conversation_id: id, recording_url: url ?? null };
	if (!this.getNodeParameter('download', item.index, false) || !url) return [{ json }];
	const binaryPropertyName = readRequiredText(this, item.index, 'binaryPropertyName', 'Put Output File in Field', { maxLength: 200, kind: 'token' });
	return [{ json, binary: { [binaryPropertyName]: await downloadFile(this, url, id) } }];
}
