import type { INodeProperties } from 'n8n-workflow';

import { triggerOptions } from '../../shared/webhook/repeats';

const CALL_EVENTS = [
	{ name: 'Call Ended', value: 'call.ended', description: 'With summary and duration' },
	{ name: 'Call Failed', value: 'call.failed', description: 'With a reason such as no-answer, busy, invalid-number' },
	{ name: 'Call Recording', value: 'call.recording' },
	{ name: 'Call Started', value: 'call.started' },
	{ name: 'Call Summary', value: 'call.summary' },
	{ name: 'Call Transcript', value: 'call.transcript' },
];

const V1 = { '@version': [1] };
const V2 = { '@version': [2] };

/**
 * The Klen AI Trigger's fields. Registration comes first and the credentials right below it
 * (where they apply), then what the registration cannot do, the events, and the signature.
 */
export const klenTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		default: 'automatic',
		options: [
			{ name: 'Automatic', value: 'automatic', description: 'Register this URL with Klen AI when the workflow is activated' },
			{ name: 'Manual', value: 'manual', description: "Paste this node's Production URL into the Klen AI dashboard yourself" },
		],
	},
	// Where the editor shows the credential selectors: right below Registration.
	{ displayName: '', name: 'credentials', type: 'credentials', default: '' },
	{
		displayName:
			'Klen AI documents no way to list, change or delete a webhook. The URL is registered once and the registration is reused when the workflow is activated again. Deactivating does not stop Klen AI from sending (n8n answers 404); new events or another credential register a new webhook and the old one keeps sending: remove old webhooks in the Klen AI dashboard. If you delete the webhook there, add this trigger again to register anew.',
		name: 'registrationNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['automatic'] } },
	},
	{
		displayName:
			"In the Klen AI dashboard, add a webhook with this node's Production URL and the events chosen below, and keep its signing secret for the signature check",
		name: 'manualNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { registration: ['manual'] } },
	},
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
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only deliveries whose X-Klen-Signature matches. Klen AI does not document the scheme; this assumes HMAC-SHA256 of the raw body (which holds the timestamp) with the signing secret, hex encoded. Turn it off if your deliveries are refused.',
	},
	{
		displayName:
			'The signature is checked with the signing secret of the Klen AI Trigger credential above. Without one, automatic registration uses the secret Klen AI returns, if it returns one (undocumented; n8n lets no node save it in a credential, so it is kept in the workflow sealed with the API key). Otherwise activation fails.',
		name: 'signingSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...V2, verifySignature: [true] } },
	},
	{
		displayName: 'Signing Secret (Deprecated)',
		name: 'signingSecret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		displayOptions: { show: { ...V1, verifySignature: [true] } },
		description:
			"The webhook's signing secret from the Klen AI dashboard. Deprecated: stored in clear in the workflow; the current version of this trigger takes it from a credential.",
	},
	{
		displayName:
			'Verify Signature is on but the Signing Secret is empty: every delivery would be refused, so the workflow cannot be activated. Copy the signing secret from the Klen AI dashboard, or turn Verify Signature off.',
		name: 'noSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...V1, verifySignature: [true], signingSecret: [''], registration: ['manual'] } },
	},
	{
		displayName:
			'Verify Signature is on but the Signing Secret is empty: the secret Klen AI returns on registration is used, if it returns one (undocumented); otherwise activation fails. Copy the signing secret from the Klen AI dashboard to be sure.',
		name: 'returnedSecretNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { ...V1, verifySignature: [true], signingSecret: [''], registration: ['automatic'] } },
	},
	triggerOptions('the same event of the same call', [
		{
			displayName: 'Maximum Delivery Age (Minutes)',
			name: 'maxAgeMinutes',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 10,
			description:
				"Deliveries whose timestamp is further than this from now are refused (401): a replayed delivery. With Verify Signature on, the timestamp is covered by the signature. 0 turns the check off, e.g. when your n8n's clock cannot be trusted.",
		},
	]),
];
