import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toItems } from '../../../shared/router';
import { osviData } from '../../transport';
import { campaignIdField, readCampaignId } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['campaign'], operation: ['getStatus'] } }, [
	campaignIdField,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const campaignId = readCampaignId(this, itemIndex);
	return toItems(await osviData(this, 'GET', `/v1/campaigns/${campaignId}/status`, { itemIndex }));
}
