import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'crypto';

/**
 * A secret that a node has to keep where n8n does not encrypt (a trigger's static data: n8n gives
 * nodes no way to write into a credential), sealed with AES-256-GCM under a key derived from a
 * credential's value, which n8n does keep encrypted. What the database holds is then of no use
 * without that credential. Opening fails (undefined) when the credential's value has changed.
 */

const VERSION = 'v1';

function keyFrom(keyMaterial: string): Buffer {
	return createHash('sha256').update(`n8n-nodes-voice-agents sealed secret\0${keyMaterial}`).digest();
}

export function seal(secret: string, keyMaterial: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyFrom(keyMaterial), iv);
	const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

export function unseal(sealed: unknown, keyMaterial: string): string | undefined {
	if (typeof sealed !== 'string') return undefined;
	const [version, iv, tag, data] = sealed.split('.');
	if (version !== VERSION || !iv || !tag || data === undefined) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyFrom(keyMaterial), Buffer.from(iv, 'base64url'));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		return undefined; // sealed under another key (the credential changed) or altered: not usable
	}
}
