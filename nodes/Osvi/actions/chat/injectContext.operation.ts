import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { osviData } from '../../transport';
import { readRequiredText } from '../../../shared/validation';
import { sessionIdField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['injectContext'] } }, [
	sessionIdField,
	{
		displayName: 'Context',
		name: 'context',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		placeholder: 'The order shipped this morning',
		description: 'Out-of-band information for the agent, added mid-conversation',
	},
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const sessionId = readRequiredText(this, itemIndex, 'sessionId', 'Session ID');
	const context = readRequiredText(this, itemIndex, 'context', 'Context');
	return toItems(
		await osviData(this, 'POST', `/v1/chat/session/${encodeURIComponent(sessionId)}/inject_context`, { body: { context }, itemIndex }),
	);
}
