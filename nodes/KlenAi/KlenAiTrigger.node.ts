import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eventsSubtitle } from '../shared/parameters/subtitle';
import { admitJsonObject, answerWithoutExecution } from '../shared/webhook/sharedSecret';
import { headerValue, hmacSignatureMatches } from '../shared/webhook/secrets';
import { klenRegisterWebhook } from './client';
import { normaliseKlenEvent } from './trigger/payload';

const CALL_EVENTS = [
	{ name: 'Call Ended', value: 'call.ended', description: 'With summary and duration' },
	{ name: 'Call Failed', value: 'call.failed', description: 'With a reason such as no-answer, busy, invalid-number' },
	{ name: 'Call Recording', value: 'call.recording' },
	{ name: 'Call Started', value: 'call.started' },
	{ name: 'Call Summary', value: 'call.summary' },
	{ name: 'Call Transcript', value: 'call.transcript' },
];

interface Registration {
	webhookId?: string | number;
	webhookUrl?: string;
	events?: string[];
	signingSecret?: string;
}

function readEvents(context: IHookFunctions | IWebhookFunctions): string[] {
	return (context.getNodeParameter('events', []) as string[]).slice().sort();
}

function signingSecret(context: IHookFunctions | IWebhookFunctions): string {
	const typed = context.getNodeParameter('signingSecret', '') as string;
	return typed !== '' ? typed : ((context.getWorkflowStaticData('node') as Registration).signingSecret ?? '');
}

export class KlenAiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Klen AI Trigger',
		name: 'klenAiTrigger',
		icon: { light: 'file:klenai.svg', dark: 'file:klenai.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(),
		description: 'Starts the workflow on Klen AI call events (started, ended, failed, transcript, recording, summary)',
		defaults: { name: 'Klen AI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'klenAiApi', required: true, displayOptions: { show: { registration: ['automatic'] } } }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'klen' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['call.ended'],
				options: CALL_EVENTS,
				description: 'Deliveries of other events are answered 200 and start nothing',
			},
			{
				displayName: 'Registration',
				name: 'registration',
				type: 'options',
				default: 'automatic',
				options: [
					{
						name: 'Automatic',
						value: 'automatic',
						description: 'Register this URL with Klen AI when the workflow is activated',
					},
					{
						name: 'Manual',
						value: 'manual',
						description: "Paste this node's Production URL into the Klen AI dashboard yourself",
					},
				],
			},
			{
				displayName:
					'Klen AI documents no way to delete a webhook: after deactivating this workflow (or changing its events), remove the old webhook in the Klen AI dashboard.',
				name: 'deleteNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['automatic'] } },
			},
			{
				displayName:
					"In the Klen AI dashboard, add a webhook with this node's Production URL and the events chosen above, and copy its signing secret below",
				name: 'manualNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { registration: ['manual'] } },
			},
			{
				displayName: 'Verify Signature',
				name: 'verifySignature',
				type: 'boolean',
				default: true,
				description:
					'Whether to accept only deliveries whose X-Klen-Signature matches. Klen AI does not document the scheme; this assumes HMAC-SHA256 of the raw body with the signing secret, hex encoded. Turn it off if your deliveries are refused.',
			},
			{
				displayName: 'Signing Secret',
				name: 'signingSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				displayOptions: { show: { verifySignature: [true] } },
				description:
					'The webhook\'s signing secret from the Klen AI dashboard. With automatic registration it may stay empty when Klen AI returns the secret on registration.',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (this.getNodeParameter('registration', 'automatic') === 'manual') return false;
				const registration = this.getWorkflowStaticData('node') as Registration;
				return (
					registration.webhookUrl === this.getNodeWebhookUrl('default') &&
					JSON.stringify(registration.events) === JSON.stringify(readEvents(this))
				);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const verify = this.getNodeParameter('verifySignature', true) as boolean;
				const events = readEvents(this);
				if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
				if (this.getNodeParameter('registration', 'automatic') === 'automatic') {
					const url = this.getNodeWebhookUrl('default')!;
					const answer = await klenRegisterWebhook(this, { name: `n8n: ${this.getWorkflow().name ?? 'workflow'}`, url, subscribed_events: events });
					const registration = this.getWorkflowStaticData('node') as Registration;
					registration.webhookId = (answer.id as string | number | undefined) ?? undefined;
					registration.webhookUrl = url;
					registration.events = events;
					// Undocumented: a secret in the answer is used when the Signing Secret field is empty.
					const returned = answer.signing_secret ?? answer.secret;
					if (typeof returned === 'string' && returned !== '') registration.signingSecret = returned;
				}
				if (verify && signingSecret(this) === '') {
					throw new NodeOperationError(this.getNode(), 'Signature verification is on, but there is no signing secret', {
						description: 'Copy the signing secret of this webhook from the Klen AI dashboard into "Signing Secret", or turn "Verify Signature" off.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				// No documented delete endpoint: forget the registration; the notice asks the user to remove it.
				const registration = this.getWorkflowStaticData('node') as Registration;
				delete registration.webhookId;
				delete registration.webhookUrl;
				delete registration.events;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		let authorised = true;
		if (this.getNodeParameter('verifySignature', true) as boolean) {
			// The signature covers the bytes Klen sent, so the raw body is what is hashed.
			const raw = (request as unknown as { rawBody?: Buffer }).rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
			const presented = headerValue(request.headers as Record<string, unknown>, 'x-klen-signature');
			authorised = hmacSignatureMatches(signingSecret(this), raw, presented);
		}
		const { body, answered } = admitJsonObject(this, authorised);
		if (answered) return answered;

		const event = normaliseKlenEvent(body);
		if (!readEvents(this).includes(event.event)) {
			return answerWithoutExecution(this, 200, { received: true, ignored: `event ${event.event || '(none)'} not selected` });
		}
		const json: IDataObject = { ...event, body };
		return { workflowData: [[{ json }]] };
	}
}
