import type { IBinaryData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** "Download" switch and output field, for operations that can fetch a file by a presigned link. */
export function downloadProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Download Recording',
			name: 'download',
			type: 'boolean',
			default: false,
			description: `Whether to download the ${what} as binary data, or only output its link`,
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
}

function fileExtension(contentType: string | undefined, url: string): string {
	const fromUrl = /\.([a-z0-9]{2,4})(?:\?|$)/i.exec(new URL(url).pathname)?.[1];
	if (fromUrl) return fromUrl.toLowerCase();
	if (contentType?.includes('wav')) return 'wav';
	if (contentType?.includes('ogg')) return 'ogg';
	return 'mp3';
}

/**
 * Downloads a presigned file. The link carries its own signature, so no credential is sent with
 * it (the API token never goes to the file host).
 */
export async function downloadFile(context: IExecuteFunctions, url: string, baseName: string): Promise<IBinaryData> {
	const response = (await context.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
	})) as { body: ArrayBuffer | Buffer; headers: Record<string, string | undefined> };
	const contentType = response.headers['content-type']?.split(';')[0];
	const fileName = `${baseName}.${fileExtension(contentType, url)}`;
	return await context.helpers.prepareBinaryData(Buffer.from(response.body as ArrayBuffer), fileName, contentType);
}
