import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { readRequiredText } from '../../../shared/parameters/validation';
import { sessionIdField } from './shared';

/** It acts: a stopped run names the items it carried out (see the router). */
export const acts = true;

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

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const sessionId = readRequiredText(this, item.index, 'sessionId', 'Session ID');
	const context = readRequiredText(this, item.index, 'context', 'Context');
	return toItems(
		await osvi.data(this, 'POST', `/v1/chat/session/${encodeURIComponent(sessionId)}/inject_context`, { body: { context }, item }),
	);
}
