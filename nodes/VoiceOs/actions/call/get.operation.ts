import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { voiceOsApiRequest } from '../../transport';
import { readRequiredText } from '../../../shared/validation';
import { conversationIdField } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, [conversationIdField]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = readRequiredText(this, itemIndex, 'conversationId', 'Conversation ID');
	return [{ json: await voiceOsApiRequest(this, 'GET', `/conversations/${encodeURIComponent(id)}`, { itemIndex }) }];
}
