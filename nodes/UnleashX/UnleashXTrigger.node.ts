import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	admitJsonObject,
	readSharedSecret,
	sharedSecretPresented,
	sharedSecretProperties,
	sharedSecretWebhookMethods,
} from '../shared/webhook/sharedSecret';
import { normaliseUnleashXEvent } from './trigger/payload';

const SECRET_HEADER = 'X-UnleashX-Secret';

export class UnleashXTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UnleashX Trigger',
		name: 'unleashXTrigger',
		icon: { light: 'file:unleashx.svg', dark: 'file:unleashx.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'On End of Session',
		description: "Starts the workflow when an UnleashX agent's session ends (its session data webhook)",
		defaults: { name: 'UnleashX Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'unleashx' }],
		properties: [
			{
				displayName:
					"Put this node's Production URL in the agent's session data webhook in UnleashX. UnleashX does not document the body, events or signing: the body is passed through as it comes. If your UnleashX cannot send a custom header, use the token in the URL (…?token=&lt;secret&gt;).",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			...sharedSecretProperties({
				defaultHeader: SECRET_HEADER,
				allowQuery: true,
				secretHint: 'A long random value that only UnleashX and this workflow know',
			}),
		],
	};

	// No registration API on this platform: the user pastes the URL (see the notice).
	webhookMethods = sharedSecretWebhookMethods(SECRET_HEADER);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = readSharedSecret(this, SECRET_HEADER);
		const { body, answered } = admitJsonObject(this, sharedSecretPresented(this, settings));
		if (answered) return answered;
		const json: IDataObject = { ...normaliseUnleashXEvent(body), body };
		return { workflowData: [[{ json }]] };
	}
}
