import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eventsSubtitle } from '../shared/parameters/subtitle';
import { admitJsonObject, answerIfRepeated, answerWithoutExecution, rawBodyOf } from '../shared/webhook/delivery';
import { redactOutput } from '../shared/webhook/redact';
import { deliveryKey } from '../shared/webhook/repeats';
import { headerValue, hmacSignatureMatches } from '../shared/webhook/secrets';
import { klenTriggerProperties } from './trigger/description';
import { deliveredAt, klenCallResult, normaliseKlenEvent } from './trigger/payload';
import { klenWebhookMethods, readEvents, signingSecrets } from './trigger/registration';

const MINUTE_MS = 60_000;

export class KlenAiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Klen AI Trigger',
		name: 'klenAiTrigger',
		icon: { light: 'file:klenai.svg', dark: 'file:klenai.dark.svg' },
		group: ['trigger'],
		// 2: the signing secret from a credential; the call in Call → Get's names.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: eventsSubtitle(),
		description: 'Starts the workflow on Klen AI call events (started, ended, failed, transcript, recording, summary)',
		defaults: { name: 'Klen AI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'klenAiApi', required: true, displayOptions: { show: { registration: ['automatic'] } } },
			// Optional: with automatic registration the secret Klen AI returns may do.
			{ name: 'klenAiTriggerApi', required: false, testedBy: 'signingSecretTest', displayOptions: { show: { '@version': [2] } } },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'klen' }],
		properties: klenTriggerProperties,
	};

	methods = {
		credentialTest: {
			async signingSecretTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const { signingSecret = '' } = (credential.data ?? {}) as { signingSecret?: string };
				if (signingSecret.trim() === '') return { status: 'Error', message: 'The Signing Secret is empty' };
				if (signingSecret.trim() !== signingSecret) return { status: 'Error', message: 'The Signing Secret starts or ends with a space' };
				return { status: 'OK', message: 'Deliveries are checked with it; nothing is sent to Klen AI.' };
			},
		},
	};

	webhookMethods = klenWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		const raw = rawBodyOf(this) ?? Buffer.from(JSON.stringify(request.body ?? {}));
		const verify = this.getNodeParameter('verifySignature', true) as boolean;
		const { signingSecret, apiKey } = await signingSecrets(this);
		// The signature (assumed scheme, see the node) covers the bytes Klen sent, timestamp included.
		const presented = headerValue(request.headers as Record<string, unknown>, 'x-klen-signature');
		const { body, answered } = admitJsonObject(this, !verify || hmacSignatureMatches(signingSecret, raw, presented));
		if (answered) return answered;

		const { maxAgeMinutes = 10 } = this.getNodeParameter('options', {}) as { maxAgeMinutes?: number };
		const sentAt = deliveredAt(body);
		if (maxAgeMinutes > 0 && (sentAt === undefined || Math.abs(Date.now() - sentAt) > maxAgeMinutes * MINUTE_MS)) {
			return answerWithoutExecution(this, 401, { error: 'Delivery too old' });
		}

		const event = normaliseKlenEvent(body);
		if (!readEvents(this).includes(event.event)) {
			return answerWithoutExecution(this, 200, { received: true, ignored: `event ${event.event || '(none)'} not selected` });
		}
		const repeated = answerIfRepeated(this, deliveryKey([event.event, event.call_id], body, raw));
		if (repeated) return repeated;
		const fields = this.getNode().typeVersion >= 2 ? klenCallResult(body) : event;
		const json: IDataObject = redactOutput({ ...fields, body }, { secrets: [signingSecret, apiKey ?? ''] });
		return { workflowData: [[{ json }]] };
	}
}
