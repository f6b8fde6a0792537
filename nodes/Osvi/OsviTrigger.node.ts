import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { headersWithout, headerValue, redactSecret, secretsMatch } from '../shared/webhookSecret';
import { normaliseCallEvent } from './trigger/payload';

const CALL_STATUSES = [
	{ name: 'Busy', value: 'busy' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Not Picked', value: 'not_picked' },
	{ name: 'Picked', value: 'picked' },
];

interface SecretSettings {
	verify: boolean;
	location: 'header' | 'query';
	headerName: string;
	secret: string;
}

function readSecretSettings(context: IHookFunctions | IWebhookFunctions): SecretSettings {
	return {
		verify: context.getNodeParameter('verifySecret', true) as boolean,
		location: context.getNodeParameter('secretLocation', 'header') as 'header' | 'query',
		headerName: (context.getNodeParameter('headerName', 'X-OSVI-Secret') as string).trim(),
		secret: context.getNodeParameter('secret', '') as string,
	};
}

/** Activation fails loudly rather than accepting unauthenticated calls by mistake. */
function assertSecretConfigured(context: IHookFunctions) {
	const settings = readSecretSettings(context);
	if (settings.verify && settings.secret === '') {
		throw new NodeOperationError(
			context.getNode(),
			'Secret verification is on, but no Shared Secret is set',
			{ description: 'Set a Shared Secret (and add it to the request OSVI sends), or turn "Verify Shared Secret" off.' },
		);
	}
	if (settings.verify && settings.location === 'header' && settings.headerName === '') {
		throw new NodeOperationError(context.getNode(), 'Secret verification is on, but the Header Name is empty');
	}
}

export class OsviTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OSVI Trigger',
		name: 'osviTrigger',
		icon: { light: 'file:osvi.svg', dark: 'file:osvi.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On Call Completed',
		description: 'Starts the workflow when an OSVI call completes (post-call webhook)',
		defaults: { name: 'OSVI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'osvi' }],
		properties: [
			{
				displayName:
					'OSVI has no API to register webhooks. Copy this node\'s Production URL into the OSVI dashboard (the agent\'s Post-Call Analysis → Integrations) and add the Shared Secret there as a custom header, or put the URL into the Webhook URL field of OSVI → Initiate Call with <code>?token=&lt;secret&gt;</code> at the end.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'callCompleted',
				options: [
					{
						name: 'On Call Completed',
						value: 'callCompleted',
						description: 'OSVI sends it for answered calls once post-call analysis is done',
					},
				],
			},
			{
				displayName: 'Verify Shared Secret',
				name: 'verifySecret',
				type: 'boolean',
				default: true,
				description:
					'Whether to accept only requests that carry the Shared Secret. OSVI does not sign its webhooks, so without it anyone who knows the URL can start the workflow.',
			},
			{
				displayName: 'Shared Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				displayOptions: { show: { verifySecret: [true] } },
				description: 'A long random value that only OSVI and this workflow know',
			},
			{
				displayName: 'Secret Location',
				name: 'secretLocation',
				type: 'options',
				default: 'header',
				displayOptions: { show: { verifySecret: [true] } },
				options: [
					{
						name: 'Header',
						value: 'header',
						description: 'A custom header set in the OSVI dashboard',
					},
					{
						name: 'Token Query Parameter',
						value: 'query',
						description: 'For a Webhook URL given per call: …/webhook/…?token=&lt;secret&gt;',
					},
				],
			},
			{
				displayName: 'Header Name',
				name: 'headerName',
				type: 'string',
				default: 'X-OSVI-Secret',
				displayOptions: { show: { verifySecret: [true], secretLocation: ['header'] } },
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				description: 'Requests that do not match are answered 200 and start no execution',
				options: [
					{
						displayName: 'Agents',
						name: 'agents',
						type: 'string',
						default: '',
						placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og, Appointment Reminder',
						description:
							'Comma-separated agent IDs or names. The current payload carries only the agent\'s name; the older one also its ID.',
					},
					{
						displayName: 'Call Status',
						name: 'statuses',
						type: 'multiOptions',
						default: [],
						options: CALL_STATUSES,
						description:
							'Only these statuses. OSVI\'s current payload fires only for answered (picked) calls.',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the request headers to the output (the secret header is left out)',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// OSVI has no registration API: nothing to look up, create or delete remotely.
			// Activation still checks the secret settings, so a misconfigured trigger never goes live.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				assertSecretConfigured(this);
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				assertSecretConfigured(this);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const settings = readSecretSettings(this);
		const headers = request.headers as Record<string, unknown>;

		if (settings.verify) {
			const presented =
				settings.location === 'header'
					? headerValue(headers, settings.headerName)
					: (this.getQueryData() as IDataObject).token;
			if (settings.secret === '' || !secretsMatch(settings.secret, presented)) {
				response.status(401).json({ error: 'Unauthorized' });
				return { noWebhookResponse: true };
			}
		}

		const body = this.getBodyData();
		if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length === 0) {
			response.status(400).json({ error: 'Expected a JSON object body' });
			return { noWebhookResponse: true };
		}

		const event = normaliseCallEvent(body);
		const filters = this.getNodeParameter('filters', {}) as { agents?: string; statuses?: string[] };
		const statuses = filters.statuses ?? [];
		if (statuses.length > 0 && !statuses.includes(event.status ?? '')) {
			response.status(200).json({ received: true, ignored: 'call status not selected' });
			return { noWebhookResponse: true };
		}
		const agents = (filters.agents ?? '')
			.split(',')
			.map((agent) => agent.trim().toLowerCase())
			.filter((agent) => agent !== '');
		const eventAgents = [event.agent_uuid, event.agent_name].filter(Boolean).map((agent) => agent!.toLowerCase());
		if (agents.length > 0 && !agents.some((agent) => eventAgents.includes(agent))) {
			response.status(200).json({ received: true, ignored: 'agent not selected' });
			return { noWebhookResponse: true };
		}

		const options = this.getNodeParameter('options', {}) as { includeHeaders?: boolean };
		// The body may echo the secret back: `call_trigger_data.webhook_url` holds the URL with ?token=.
		const json: IDataObject = { ...event, body: redactSecret(body, settings.secret) as IDataObject };
		if (options.includeHeaders) {
			json.headers = headersWithout(headers, settings.location === 'header' ? [settings.headerName] : []) as IDataObject;
		}
		return { workflowData: [[{ json }]] };
	}
}
