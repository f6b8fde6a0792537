import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { voiceOs } from '../../client';
import { readTextId } from '../../../shared/parameters/ids';
import { conversationIdField } from '../common.descriptions';
import { conversationWithoutSecrets } from './conversation';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, [conversationIdField]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const id = readTextId(this, item.index, 'conversationId', 'Conversation ID');
	const conversation = await voiceOs.request<IDataObject>(this, 'GET', `/conversations/${encodeURIComponent(id)}`, {
		item,
		notFoundHint: "VoiceOS has no conversation with this ID for this token's account. IDs come from Call → Create Phone Call, Get Many or the VoiceOS Trigger.",
	});
	return [{ json: conversationWithoutSecrets(conversation) }];
}
