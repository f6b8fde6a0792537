import { updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { osviData } from '../../transport';
import { callIdField, readCallId } from '../common.descriptions';

const properties: INodeProperties[] = [
	callIdField,
	{
		displayName: 'Download Recording',
		name: 'download',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the audio as binary data. Otherwise the output holds a link that expires after 15 minutes.',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { download: [true] } },
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['getRecording'] } },
	properties,
);

interface Recording {
	call_id?: string;
	recording_url?: string;
	expires_in_seconds?: number;
}

function fileExtension(contentType: string | undefined): string {
	if (!contentType) return 'mp3';
	if (contentType.includes('wav')) return 'wav';
	if (contentType.includes('ogg')) return 'ogg';
	if (contentType.includes('mp4') || contentType.includes('m4a')) return 'm4a';
	return 'mp3';
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const callId = readCallId(this, itemIndex);
	const recording = await osviData<Recording>(
		this,
		'GET',
		`/v1/call/${encodeURIComponent(callId)}/recording`,
		{ itemIndex },
	);
	const expiresIn = Number(recording?.expires_in_seconds ?? 900);
	const json = {
		call_id: recording?.call_id ?? callId,
		recording_url: recording?.recording_url ?? null,
		expires_in_seconds: expiresIn,
		expires_at: new Date(Date.now() + expiresIn * 1000).toISOString(),
	};
	if (!this.getNodeParameter('download', itemIndex, false) || !recording?.recording_url) {
		return [{ json }];
	}

	// A presigned URL: it carries its own signature, so the API token is not sent with it.
	const response = (await this.helpers.httpRequest({
		method: 'GET',
		url: recording.recording_url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
	})) as { body: ArrayBuffer | Buffer; headers: Record<string, string | undefined> };
	const contentType = response.headers['content-type']?.split(';')[0];
	const fileName = `${json.call_id}.${fileExtension(contentType)}`;
	const binaryPropertyName = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const binary = await this.helpers.prepareBinaryData(Buffer.from(response.body as ArrayBuffer), fileName, contentType);
	return [{ json, binary: { [binaryPropertyName]: binary } }];
}
