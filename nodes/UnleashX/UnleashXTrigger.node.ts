import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { answerIfRepeated, rawBodyOf } from '../shared/webhook/delivery';
import { redactOutput } from '../shared/webhook/redact';
import { deliveryKey, triggerOptions } from '../shared/webhook/repeats';
import {
	admitSharedSecretDelivery,
	sharedSecretProperties,
	sharedSecretTest,
	sharedSecretWebhookMethods,
} from '../shared/webhook/sharedSecret';
import type { SharedSecretPlatform } from '../shared/webhook/sharedSecret';
import { normaliseUnleashXEvent } from './trigger/payload';

const PLATFORM: SharedSecretPlatform = { platform: 'UnleashX', credentialType: 'unleashXTriggerApi', defaultHeader: 'X-UnleashX-Secret', allowQuery: true };

export class UnleashXTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UnleashX Trigger',
		name: 'unleashXTrigger',
		icon: { light: 'file:unleashx.svg', dark: 'file:unleashx.dark.svg' },
		group: ['trigger'],
		// 2: the secret from a credential. The output is the same in both: UnleashX has no call API
		// to match (Get searches the executions list, in its upper-case names).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: 'On End of Session',
		description: "Starts the workflow when an UnleashX agent's session ends (its session data webhook)",
		defaults: { name: 'UnleashX Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'unleashXTriggerApi', required: true, testedBy: 'sharedSecretTest', displayOptions: { show: { '@version': [2], authentication: ['sharedSecret'] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'unleashx' }],
		properties: [
			{
				displayName:
					"Put this node's Production URL in the agent's session data webhook in UnleashX. UnleashX does not document the body, events or signing: the body is passed through as it comes. If your UnleashX cannot send a custom header, use the token in the URL (…?token=&lt;secret&gt;).",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			...sharedSecretProperties(PLATFORM),
			triggerOptions('the same execution ID and status'),
		],
	};

	methods = { credentialTest: { sharedSecretTest } };

	// No registration API on this platform: the user pastes the URL (see the notice).
	webhookMethods = sharedSecretWebhookMethods(PLATFORM);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const admitted = await admitSharedSecretDelivery(this, PLATFORM);
		if (admitted.answered) return admitted.answered;
		const { settings, body } = admitted;
		const event = normaliseUnleashXEvent(body);
		const repeated = answerIfRepeated(this, deliveryKey([event.execution_id, event.status], body, rawBodyOf(this)));
		if (repeated) return repeated;
		const json: IDataObject = { ...event, body };
		return { workflowData: [[{ json: redactOutput(json, { secrets: [settings.secret], headerNames: [settings.headerName] }) }]] };
	}
}
