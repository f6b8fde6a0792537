import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Item } from '../../../shared/execution/operation';
import { downloadFile, downloadProperties } from '../../../shared/transport/download';
import { readRequiredText } from '../../../shared/parameters/validation';
import { osvi } from '../../client';
import { NOT_FOUND } from '../notFound';
import { callIdField } from '../common.descriptions';
import { readCallId } from '../common.parameters';

export const description = updateDisplayOptions({ show: { resource: ['call'], operation: ['getRecording'] } }, [
	callIdField,
	...downloadProperties('audio (the link expires after 15 minutes)'),
]);

interface Recording {
	call_id?: string;
	recording_url?: string;
	expires_in_seconds?: number;
}

export async function execute(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const callId = readCallId(this, item.index);
	const recording = await osvi.data<Recording>(this, 'GET', `/v1/call/${encodeURIComponent(callId)}/recording`, {
		item,
		notFoundHint: NOT_FOUND.recording,
	});
	const expiresIn = Number(recording?.expires_in_seconds ?? 900);
	const json = {
		call_id: recording?.call_id ?? callId,
		recording_url: recording?.recording_url ?? null,
		expires_in_seconds: expiresIn,
		expires_at: new Date(Date.now() + expiresIn * 1000).toISOString(),
	};
	if (!this.getNodeParameter('download', item.index, false) || !recording?.recording_url) return [{ json }];
	const binaryPropertyName = readRequiredText(this, item.index, 'binaryPropertyName', 'Put Output File in Field', { maxLength: 200, kind: 'token' });
	return [{ json, binary: { [binaryPropertyName]: await downloadFile(this, recording.recording_url, json.call_id) } }];
}
