import type { INodeProperties } from 'n8n-workflow';

/**
 * The fields of a trigger's shared-secret credential: a secret that the platform sends with each
 * delivery (a custom header, or where the platform only takes a URL, a `token` query parameter).
 * Kept in a credential so that n8n stores it encrypted and never exports it with the workflow.
 */
export function sharedSecretFields({ platform, defaultHeader, allowQuery }: { platform: string; defaultHeader: string; allowQuery: boolean }): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Shared Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `A long random value (at least 16 characters) that only ${platform} and this workflow know`,
		},
	];
	if (allowQuery) {
		fields.push({
			displayName: 'Sent As',
			name: 'location',
			type: 'options',
			default: 'header',
			options: [
				{ name: 'Header', value: 'header', description: `A custom header that ${platform} sends with each delivery` },
				{
					name: 'Token Query Parameter',
					value: 'query',
					description: 'For a URL given per call: …/webhook/…?token=&lt;secret&gt;. The secret is then part of a URL that other systems store.',
				},
			],
		});
	}
	fields.push({
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: defaultHeader,
		displayOptions: allowQuery ? { show: { location: ['header'] } } : undefined,
	});
	return fields;
}
