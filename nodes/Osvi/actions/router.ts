import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems } from '../../shared/execution/router';
import type { OperationsByResource } from '../../shared/execution/operation';
import * as agent from './agent';
import * as call from './call';
import * as campaign from './campaign';
import * as chat from './chat';
import * as dnd from './dnd';

const operations: OperationsByResource = {
	agent: { getMany: agent.getMany },
	call: {
		initiate: call.initiate,
		get: call.get,
		getMany: call.getMany,
		getTranscript: call.getTranscript,
		getRecording: call.getRecording,
		waitForCallingHours: call.waitForCallingHours,
	},
	campaign: { addContacts: campaign.addContacts, getStatus: campaign.getStatus },
	dnd: { add: dnd.add, check: dnd.check, getMany: dnd.getMany, remove: dnd.remove },
	chat: {
		createSession: chat.createSession,
		sendMessage: chat.sendMessage,
		getActiveSession: chat.getActiveSession,
		supportCommand: chat.supportCommand,
		injectContext: chat.injectContext,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
