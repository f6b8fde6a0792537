import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/execution/operation';
import type { Item } from '../../../shared/execution/operation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { campaignIdField } from '../common.descriptions';
import { readCampaignId } from '../common.parameters';

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getStatus'] } }, [
	campaignIdField,
]);

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const campaignId = readCampaignId(this, item.index);
	return toItems(await osvi.data(this, 'GET', `/v1/campaigns/${campaignId}/status`, { item, notFoundHint: NOT_FOUND.campaign }));
}
