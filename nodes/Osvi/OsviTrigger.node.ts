import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { answerIfRepeated, answerWithoutExecution, rawBodyOf } from '../shared/webhook/delivery';
import { redactOutput } from '../shared/webhook/redact';
import { deliveryKey, triggerOptions } from '../shared/webhook/repeats';
import { headersWithout } from '../shared/webhook/secrets';
import {
	admitSharedSecretDelivery,
	sharedSecretProperties,
	sharedSecretTest,
	sharedSecretWebhookMethods,
} from '../shared/webhook/sharedSecret';
import type { SharedSecretPlatform } from '../shared/webhook/sharedSecret';
import { callResult, normaliseCallEvent } from './trigger/payload';

const CALL_STATUSES = [
	{ name: 'Busy', value: 'busy' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'Not Picked', value: 'not_picked' },
	{ name: 'Picked', value: 'picked' },
];

const PLATFORM: SharedSecretPlatform = { platform: 'OSVI', credentialType: 'osviTriggerApi', defaultHeader: 'X-OSVI-Secret', allowQuery: true };

export class OsviTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OSVI Trigger',
		name: 'osviTrigger',
		icon: { light: 'file:osvi.svg', dark: 'file:osvi.dark.svg' },
		group: ['trigger'],
		// 2: the secret from a credential; the call in Call → Get's names (version 1 keeps its own).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: 'On Call Completed',
		description: 'Starts the workflow when an OSVI call completes (post-call webhook)',
		defaults: { name: 'OSVI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'osviTriggerApi', required: true, testedBy: 'sharedSecretTest', displayOptions: { show: { '@version': [2], authentication: ['sharedSecret'] } } },
		],
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
			...sharedSecretProperties(PLATFORM),
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
			triggerOptions('the same call ID and status', [
				{
					displayName: 'Include Headers',
					name: 'includeHeaders',
					type: 'boolean',
					default: false,
					description: 'Whether to add the request headers to the output (the secret header is left out)',
				},
			]),
		],
	};

	methods = { credentialTest: { sharedSecretTest } };

	// No registration API on this platform: the user pastes the URL (see the notice).
	webhookMethods = sharedSecretWebhookMethods(PLATFORM);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const admitted = await admitSharedSecretDelivery(this, PLATFORM);
		if (admitted.answered) return admitted.answered;
		const { settings, body } = admitted;

		const event = normaliseCallEvent(body);
		const filters = this.getNodeParameter('filters', {}) as { agents?: string; statuses?: string[] };
		const statuses = filters.statuses ?? [];
		if (statuses.length > 0 && !statuses.includes(event.status ?? '')) {
			return answerWithoutExecution(this, 200, { received: true, ignored: 'call status not selected' });
		}
		const agents = (filters.agents ?? '')
			.split(',')
			.map((agent) => agent.trim().toLowerCase())
			.filter((agent) => agent !== '');
		const eventAgents = [event.agent_uuid, event.agent_name].filter(Boolean).map((agent) => agent!.toLowerCase());
		if (agents.length > 0 && !agents.some((agent) => eventAgents.includes(agent))) {
			return answerWithoutExecution(this, 200, { received: true, ignored: 'agent not selected' });
		}
		const repeated = answerIfRepeated(this, deliveryKey([event.call_id, event.status], body, rawBodyOf(this)));
		if (repeated) return repeated;

		const options = this.getNodeParameter('options', {}) as { includeHeaders?: boolean };
		const fields = this.getNode().typeVersion >= 2 ? callResult(body) : event;
		const json: IDataObject = { ...fields, body };
		if (options.includeHeaders) {
			const headers = this.getRequestObject().headers as Record<string, unknown>;
			json.headers = headersWithout(headers, settings.location === 'header' ? [settings.headerName] : []) as IDataObject;
		}
		// The body may echo the secret back: `call_trigger_data.webhook_url` holds the URL with ?token=.
		return { workflowData: [[{ json: redactOutput(json, { secrets: [settings.secret], headerNames: [settings.headerName] }) }]] };
	}
}
