import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { readTextId } from '../../../shared/parameters/ids';
import { readRequiredText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { OSVI_LIMITS } from '../common.parameters';
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
		description: 'Out-of-band information for the agent, added mid-conversation (at most 10,000 characters)',
	},
]);

interface Injection {
	sessionId: string;
	context: string;
}

/** Reads and validates one item; nothing is sent (the router prepares every item first). */
export function prepare(this: IExecuteFunctions, itemIndex: number): Injection {
	return {
		sessionId: readTextId(this, itemIndex, 'sessionId', 'Session ID'),
		context: readRequiredText(this, itemIndex, 'context', 'Context', { maxLength: OSVI_LIMITS.message }),
	};
}

export async function execute(this: IExecuteFunctions, item: Item, { sessionId, context }: Injection): Promise<INodeExecutionData[]> {
	return toItems(
		await osvi.data(this, 'POST', `/v1/chat/session/${encodeURIComponent(sessionId)}/inject_context`, { body: { context }, item, notFoundHint: NOT_FOUND.session }),
	);
}
