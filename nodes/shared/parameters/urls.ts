import { checkRequiredText, quote } from './text';
import type { Checked } from './validation';

/** The longest URL accepted (what browsers and most servers accept). */
export const MAX_URL_LENGTH = 2048;

/** `http(s)://` followed by a host: `https:///path` has none (the URL parser would take "path" for one). */
const WITH_HOST = /^https?:\/\/(?:[^/?#\\@\s]*@)?[^/?#\\@\s:]/i;

/**
 * An http(s) URL with a host, as a platform needs one to call back (webhook URLs). Checked on the
 * text as written, since the URL parser turns `https:///path` into a URL with the host "path".
 */
export function checkHttpUrl(value: unknown): Checked<string> {
	const checked = checkRequiredText(value, { maxLength: MAX_URL_LENGTH, kind: 'token' });
	if (checked.problem !== undefined) return checked;
	const text = checked.value;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	if (!url || !/^https?:$/.test(url.protocol) || !WITH_HOST.test(text) || url.hostname === '') {
		return { problem: `${quote(text)} is not an http:// or https:// URL with a host` };
	}
	return { value: text };
}

function ipv4Parts(host: string): number[] | undefined {
	const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	const parts = match?.slice(1).map(Number);
	return parts && parts.every((part) => part <= 255) ? parts : undefined;
}

function isPrivateIpv4([a, b]: number[]): boolean {
	return (
		a === 0 || // "this network"
		a === 10 || // private
		a === 127 || // loopback
		(a === 100 && b >= 64 && b <= 127) || // shared address space (carrier-grade NAT)
		(a === 169 && b === 254) || // link-local (cloud metadata services live here)
		(a === 172 && b >= 16 && b <= 31) || // private
		(a === 192 && b === 168) // private
	);
}

function isPrivateIpv6(host: string): boolean {
	const address = host.replace(/^\[|\]$/g, '').toLowerCase();
	if (address === '::' || address === '::1') return true; // unspecified, loopback
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
	if (mapped) return isPrivateIpv4(ipv4Parts(mapped) ?? [0]);
	const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
	if (hexMapped) {
		const high = parseInt(hexMapped[1], 16);
		return isPrivateIpv4([high >> 8, high & 0xff]);
	}
	return /^f[cd][0-9a-f]{0,2}:/.test(address) || /^fe[89ab][0-9a-f]?:/.test(address); // unique local, link-local
}

/**
 * Whether a host is one that a platform's servers on the internet cannot reach: loopback, private,
 * shared or link-local addresses, `localhost`, and names that only a local network resolves
 * (`*.local`, `*.internal`, and names without a dot, such as a Docker service name).
 */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	if (host.startsWith('[')) return isPrivateIpv6(host);
	const ipv4 = ipv4Parts(host);
	if (ipv4) return isPrivateIpv4(ipv4);
	if (!host.includes('.')) return true;
	return /\.(localhost|local|internal|home\.arpa)$/.test(host);
}

function hostOf(url: string): string | undefined {
	try {
		return new URL(url).hostname;
	} catch {
		return undefined;
	}
}

/**
 * Why `platform` could never call `url` back, or `undefined` when it can. A private host is
 * accepted when the credential's Base URL is itself private (the sandbox, a proxy or a platform
 * installed on the same network): then the platform lives where that host is reachable.
 */
export function unreachableUrlProblem(url: string, platform: string, baseUrl: string): string | undefined {
	const host = hostOf(url);
	if (host === undefined || !isPrivateHost(host)) return undefined;
	const baseHost = hostOf(baseUrl);
	if (baseHost !== undefined && isPrivateHost(baseHost)) return undefined;
	return `${quote(url)} points to ${host}, a local or private address: ${platform}'s servers cannot reach it. Use a public URL (e.g. the Production URL of n8n's webhook on a public host).`;
}
