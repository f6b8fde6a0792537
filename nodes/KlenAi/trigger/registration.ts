import { NodeOperationError } from 'n8n-workflow';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { seal, unseal } from '../../shared/webhook/seal';
import { klenRegisterWebhook } from '../client';

/**
 * The Klen AI Trigger's webhook registration and its signing secret.
 *
 * Klen AI documents how to create a webhook (`POST …/api/webhooks/create/`) and nothing else: no
 * list, no update, no delete. So the registration is made once and kept in the workflow's static
 * data; activating the workflow again (after a deactivation, a restart, an edit) reuses it as long
 * as the URL, the events and the credential are the same. What this cannot do, and the node says:
 * remove a webhook in Klen AI (deactivating leaves it sending, and n8n answers 404), notice one
 * deleted in the dashboard (re-add the trigger to register anew), or change one (new events make
 * a new registration; the old one keeps sending until removed in the dashboard).
 *
 * The signing secret Klen AI may return on registration (undocumented) has to be kept too. n8n gives
 * nodes no way to write into a credential, and static data is stored unencrypted; so it is kept
 * sealed with a key derived from the Klen AI API key (which n8n keeps encrypted). A signing secret
 * in the Klen AI Trigger credential (version 2) or the Signing Secret field (version 1) comes first,
 * and then the returned one is not kept at all.
 */
export interface Registration {
	webhookId?: string | number;
	webhookUrl?: string;
	events?: string[];
	/** The Klen AI API credential the webhook was registered with. */
	credentialId?: string;
	/** The signing secret from the registration answer, sealed (see above). */
	sealedSigningSecret?: string;
	/** Earlier releases kept the returned secret here, in clear: read, and sealed at the next activation. */
	signingSecret?: string;
}

type TriggerContext = IHookFunctions | IWebhookFunctions;

export function readEvents(context: TriggerContext): string[] {
	return (context.getNodeParameter('events', []) as string[]).slice().sort();
}

function registrationOf(context: TriggerContext): Registration {
	return context.getWorkflowStaticData('node') as Registration;
}

const isAutomatic = (context: TriggerContext) => context.getNodeParameter('registration', 'automatic') === 'automatic';

/** The signing secret the user gave: the credential (version 2) or the field (version 1); '' if none. */
async function givenSigningSecret(context: TriggerContext): Promise<string> {
	if (context.getNode().typeVersion < 2) return context.getNodeParameter('signingSecret', '') as string;
	if (!context.getNode().credentials?.klenAiTriggerApi) return '';
	const credential = (await context.getCredentials('klenAiTriggerApi')) as { signingSecret?: string };
	return credential.signingSecret ?? '';
}

/** The Klen AI API key, when the trigger registers itself (it is the key of the sealed secret). */
async function apiKey(context: TriggerContext): Promise<string | undefined> {
	if (!isAutomatic(context) || !context.getNode().credentials?.klenAiApi) return undefined;
	const credential = (await context.getCredentials('klenAiApi')) as { apiKey?: string };
	return credential.apiKey || undefined;
}

export interface SigningSecrets {
	/** The secret deliveries are checked with; '' when there is none. */
	signingSecret: string;
	/** The API key, when the trigger has it: it is redacted from the output too. */
	apiKey?: string;
}

export async function signingSecrets(context: TriggerContext): Promise<SigningSecrets> {
	const key = await apiKey(context);
	const given = await givenSigningSecret(context);
	if (given !== '') return { signingSecret: given, apiKey: key };
	const registration = registrationOf(context);
	const opened = key !== undefined ? unseal(registration.sealedSigningSecret, key) : undefined;
	return { signingSecret: opened ?? registration.signingSecret ?? '', apiKey: key };
}

/** Activation fails loudly rather than refusing (or accepting) every delivery. */
async function assertSigningSecret(context: IHookFunctions) {
	if (!(context.getNodeParameter('verifySignature', true) as boolean)) return;
	if ((await signingSecrets(context)).signingSecret !== '') return;
	throw new NodeOperationError(context.getNode(), 'Signature verification is on, but there is no signing secret', {
		description:
			context.getNode().typeVersion < 2
				? 'Copy the signing secret of this webhook from the Klen AI dashboard into "Signing Secret", or turn "Verify Signature" off.'
				: 'Select a Klen AI Trigger credential with the signing secret of this webhook (from the Klen AI dashboard), or turn "Verify Signature" off.',
	});
}

function credentialIdOf(context: TriggerContext): string | undefined {
	return context.getNode().credentials?.klenAiApi?.id ?? undefined;
}

/** Whether the kept registration is this trigger's as it is configured now. */
async function registrationStillFits(context: IHookFunctions, registration: Registration): Promise<boolean> {
	const sameCredential = registration.credentialId === undefined || registration.credentialId === credentialIdOf(context);
	if (registration.webhookUrl !== context.getNodeWebhookUrl('default') || !sameCredential) return false;
	if (JSON.stringify(registration.events) !== JSON.stringify(readEvents(context))) return false;
	// A sealed secret that no longer opens (the API key was changed) is of no use: register again.
	const key = await apiKey(context);
	if (registration.sealedSigningSecret !== undefined && (key === undefined || unseal(registration.sealedSigningSecret, key) === undefined)) return false;
	if (registration.signingSecret !== undefined && key !== undefined) {
		registration.sealedSigningSecret = seal(registration.signingSecret, key);
		delete registration.signingSecret;
	}
	return true;
}

export const klenWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			if (!isAutomatic(this) || !(await registrationStillFits(this, registrationOf(this)))) return false;
			await assertSigningSecret(this);
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			const events = readEvents(this);
			if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
			if (isAutomatic(this)) {
				const url = this.getNodeWebhookUrl('default')!;
				const answer = await klenRegisterWebhook(this, { name: `n8n: ${this.getWorkflow().name ?? 'workflow'}`, url, subscribed_events: events });
				const registration = registrationOf(this);
				registration.webhookId = (answer.id as string | number | undefined) ?? undefined;
				registration.webhookUrl = url;
				registration.events = events;
				registration.credentialId = credentialIdOf(this);
				delete registration.signingSecret;
				delete registration.sealedSigningSecret;
				// Undocumented: a secret in the answer is used when the user gave none.
				const returned = answer.signing_secret ?? answer.secret;
				const key = await apiKey(this);
				if (typeof returned === 'string' && returned !== '' && key !== undefined && (await givenSigningSecret(this)) === '') {
					registration.sealedSigningSecret = seal(returned, key);
				}
			}
			await assertSigningSecret(this);
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			// No documented delete: the registration is kept, so activating again reuses it instead
			// of registering a second webhook (every event would then arrive twice).
			return true;
		},
	},
};
