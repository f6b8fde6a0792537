import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadFile, downloadProperties } from '../../../shared/binary';
import { voiceOsApiRequest } from '../../transport';
import { readRequiredText } from '../../../shared/validation';
import { conversationIdField } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getRecording'] } }, [
	conversationIdField,
	...downloadProperties('audio'),
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = readRequiredText(this, itemIndex, 'conversationId', 'Conversation ID');
	const { recording_url: url } = await voiceOsApiRequest<{ recording_url?: string }>(this, 'GET', `/conversations/${encodeURIComponent(id)}/recording`, { itemIndex });
	const json = { conversation_id: id, recording_url: url ?? null };
	if (!this.getNodeParameter('download', itemIndex, false) || !url) return [{ json }];
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	return [{ json, binary: { [binaryPropertyName]: await downloadFile(this, url, id) } }];
}
