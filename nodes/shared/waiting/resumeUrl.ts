import { createHmac } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { secretsMatch } from '../webhook/secrets';

/**
 * The resume URL a call carries as its webhook, and how a request to it is known to be ours.
 *
 * n8n 1.x resumes a waiting execution for anyone who knows its ID; 2.x adds a token per execution
 * (the same for every wait of that execution). So the URL carries two values of our own:
 *  - `wait`: the ID of this wait, derived from the execution, the node and its run (a node in a
 *    loop waits again with another ID; Retry On Fail keeps it, so the request, and the ledger's
 *    record of it, stay the same), and stored with the waiting items;
 *  - `sig`: an HMAC of execution, node and wait ID under a key derived from the credential's
 *    secret, which n8n keeps encrypted and the platform never sees.
 * A request is ours when both match (compared in constant time). Changing the credential's secret
 * while an execution waits makes its resume URL invalid: that execution ends at its time limit.
 */

const KEY_LABEL = 'n8n-nodes-voice-agents: resume URL of a waiting call';
export const WAIT_PARAMETER = 'wait';
/** Not `signature`: n8n 2.x reads that one for its own token. */
export const SIGNATURE_PARAMETER = 'sig';

export type WaitKey = Buffer;

/** The key of every resume URL of a credential; none without the secret. */
export function waitKey(credentials: IDataObject, secretField: string): WaitKey | undefined {
	const secret = credentials[secretField];
	if (typeof secret !== 'string' || secret === '') return undefined;
	return createHmac('sha256', secret).update(KEY_LABEL).digest();
}

const mac = (key: WaitKey, parts: string[]) => createHmac('sha256', key).update(parts.join('\u0000')).digest('base64url');

/** The ID of one wait: the same for every try of the same node run, another for its next run. */
export function waitIdFor(key: WaitKey, executionId: string, nodeId: string, runIndex: number): string {
	return mac(key, ['wait', executionId, nodeId, String(runIndex)]).slice(0, 22);
}

function signatureFor(key: WaitKey, executionId: string, nodeId: string, waitId: string): string {
	return mac(key, ['resume', executionId, nodeId, waitId]);
}

/**
 * n8n's resume URL of the execution (`$execution.resumeUrl`, with 2.x's token) below the node's
 * own path (its resume webhook's path is the node's ID), with the wait ID and its signature.
 */
export function buildResumeUrl(base: string, key: WaitKey, executionId: string, nodeId: string, waitId: string): string {
	const url = new URL(base);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(nodeId)}`;
	url.searchParams.set(WAIT_PARAMETER, waitId);
	url.searchParams.set(SIGNATURE_PARAMETER, signatureFor(key, executionId, nodeId, waitId));
	return url.toString();
}

/** Whether a resume request's query carries this wait's ID, signed with the key. Never throws. */
export function isSignedFor(key: WaitKey, executionId: string, nodeId: string, expectedWaitId: string, query: IDataObject): boolean {
	const waitId = query[WAIT_PARAMETER];
	const signature = query[SIGNATURE_PARAMETER];
	if (typeof waitId !== 'string' || typeof signature !== 'string') return false;
	const signed = secretsMatch(signatureFor(key, executionId, nodeId, waitId), signature);
	const current = secretsMatch(expectedWaitId, waitId);
	return signed && current;
}

/** A resume URL as the node may show it: the values that open it replaced by `***`. */
export function hideResumeSecrets(url: string): string {
	try {
		const parsed = new URL(url);
		let changed = false;
		for (const name of [SIGNATURE_PARAMETER, 'signature']) {
			if (!parsed.searchParams.has(name)) continue;
			parsed.searchParams.set(name, '***');
			changed = true;
		}
		return changed ? parsed.toString().replace(/%2A%2A%2A/g, '***') : url;
	} catch {
		return url;
	}
}
