import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadFile, downloadProperties } from '../../../shared/binary';
import { osviData } from '../../transport';
import { callIdField, readCallId } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getRecording'] } }, [
	callIdField,
	...downloadProperties('audio (the link expires after 15 minutes)'),
]);

interface Recording {
	call_id?: string;
	recording_url?: string;
	expires_in_seconds?: number;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const callId = readCallId(this, itemIndex);
	const recording = await osviData<Recording>(this, 'GET', `/v1/call/${encodeURIComponent(callId)}/recording`, { itemIndex });
	const expiresIn = Number(recording?.expires_in_seconds ?? 900);
	const json = {
		call_id: recording?.call_id ?? callId,
		recording_url: recording?.recording_url ?? null,
		expires_in_seconds: expiresIn,
		expires_at: new Date(Date.now() + expiresIn * 1000).toISOString(),
	};
	if (!this.getNodeParameter('download', itemIndex, false) || !recording?.recording_url) return [{ json }];
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	return [{ json, binary: { [binaryPropertyName]: await downloadFile(this, recording.recording_url, json.call_id) } }];
}
