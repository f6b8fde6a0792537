import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems } from '../../shared/execution/router';
import type { OperationsByResource } from '../../shared/execution/operation';
import * as agent from './agent';
import * as call from './call';

const operations: OperationsByResource = {
	agent: { getMany: agent.getMany },
	call: { initiate: call.initiate, get: call.get, getMany: call.getMany, waitForCallingHours: call.waitForCallingHours },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
