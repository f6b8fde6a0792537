import { startProxy, useProxy } from './proxy';
import type { Proxy } from './proxy';
import { badInputs, casesFor, fromItem, locator, useSandbox, validLookAlikes } from './table';
import type { Operation } from './table';

const sandbox = useSandbox();
let proxy: Proxy;
beforeAll(async () => {
	proxy = await startProxy(sandbox().url);
});
afterAll(async () => await proxy.close());
useProxy(() => proxy);

/** A Base URL on a public host name: requests reach the sandbox through the proxy. */
const publicBase = (platform: string) => `http://api.voice-platform.example/${platform}`;

const osvi = (baseUrl: () => string): Operation => ({
	title: `OSVI Call → Initiate, Base URL ${baseUrl === sandboxOsvi ? 'on 127.0.0.1 (the sandbox)' : 'on a public host'}`,
	type: 'osvi',
	credentials: () => ({ osviApi: { apiToken: sandbox().osviToken, baseUrl: baseUrl() } }),
	parameters: { resource: 'call', operation: 'initiate', agent: locator('agent_SandboxReminder01'), phoneNumber: '9876543211', country: 'IN', additionalFields: { webhookUrl: fromItem('url') } },
	good: { url: 'https://hooks.example.com/webhook/osvi' },
	acting: { platform: 'osvi', method: 'POST', path: '/v1/call' },
});
const sandboxOsvi = () => sandbox().osviUrl;

const voiceOs = (baseUrl: () => string): Operation => ({
	title: `VoiceOS Call → Create Phone Call, Base URL ${baseUrl === sandboxVoiceOs ? 'on 127.0.0.1 (the sandbox)' : 'on a public host'}`,
	type: 'voiceOs',
	credentials: () => ({ voiceOsApi: { apiToken: sandbox().voiceosToken, baseUrl: baseUrl() } }),
	parameters: {
		resource: 'call',
		operation: 'createPhoneCall',
		callUsing: 'inline',
		fromNumber: locator('+14155550100', 'number'),
		toNumber: '+14155552671',
		sendEvents: true,
		webhookUrl: fromItem('url'),
		webhookSecret: 's3cret',
		agentConfigJson: fromItem('json'),
	},
	good: { url: 'https://hooks.example.com/webhook/voiceos', json: '{}' },
	acting: { platform: 'voiceos', method: 'POST', path: '/conversations/create_phone_call' },
});
const sandboxVoiceOs = () => sandbox().voiceosUrl;

/** Hosts that a platform on the internet can never call back. */
const privateUrls: Array<[string, unknown]> = [
	['localhost', 'http://localhost:5678/webhook/x'],
	['a localhost subdomain', 'http://n8n.localhost/webhook/x'],
	['loopback IPv4', 'http://127.0.0.1:5678/webhook/x'],
	['loopback IPv4 written as one number', 'http://2130706433/webhook/x'],
	['loopback IPv6', 'http://[::1]:5678/webhook/x'],
	['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/webhook/x'],
	['private 10/8', 'http://10.0.0.1/webhook/x'],
	['private 172.16/12', 'http://172.16.5.4/webhook/x'],
	['private 192.168/16', 'http://192.168.1.10/webhook/x'],
	['shared 100.64/10', 'http://100.64.0.1/webhook/x'],
	['link-local (cloud metadata)', 'http://169.254.169.254/latest/meta-data'],
	['unspecified 0.0.0.0', 'http://0.0.0.0:5678/webhook/x'],
	['unique local IPv6', 'http://[fd00::1]/webhook/x'],
	['link-local IPv6', 'http://[fe80::1]/webhook/x'],
	['a name without a dot (a Docker service)', 'http://n8n:5678/webhook/x'],
	['an mDNS .local name', 'https://n8n.local/webhook/x'],
];

const publicOsvi = osvi(() => publicBase('osvi'));
const publicVoiceOs = voiceOs(() => publicBase('voiceos'));

badInputs(publicOsvi, sandbox, casesFor('Webhook URL', 'url', privateUrls));
badInputs(publicVoiceOs, sandbox, [
	...casesFor('Webhooks › #1 › Webhook URL', 'url', privateUrls.slice(0, 8)),
	...casesFor('Webhooks › #2 › Webhook URL', 'json', [['a private host in the JSON webhooks', '{"webhooks": [{"events": ["conversation:ended"], "url": "http://10.1.2.3/hook"}]}']]),
]);

const osviBody = (url: string) => ({ agent_uuid: 'agent_SandboxReminder01', phone_number: '9876543211', country_code: 'IN', webhook_url: url });
const voiceOsBody = (url: string) => ({
	from_number: '+14155550100',
	to_number: '+14155552671',
	agent_config: { max_duration_seconds: 600, webhooks: [{ events: ['conversation:ended'], url, method: 'POST', headers: { 'X-VoiceOS-Secret': 's3cret' } }] },
});

validLookAlikes(publicOsvi, sandbox, [
	{ name: 'a public webhook URL', sent: osviBody('https://hooks.example.com/webhook/osvi') },
	{ name: 'a public IP address', item: { url: 'http://203.0.113.7/webhook/x' }, sent: osviBody('http://203.0.113.7/webhook/x') },
	{ name: 'a host that only starts like a private one', item: { url: 'https://10.example.com/hook' }, sent: osviBody('https://10.example.com/hook') },
]);
validLookAlikes(osvi(sandboxOsvi), sandbox, [
	{ name: 'a localhost webhook while the platform itself is local', item: { url: 'http://localhost:5678/webhook/x' }, sent: osviBody('http://localhost:5678/webhook/x') },
	{ name: 'a private address while the platform itself is local', item: { url: 'http://10.0.0.1/webhook/x' }, sent: osviBody('http://10.0.0.1/webhook/x') },
]);
validLookAlikes(publicVoiceOs, sandbox, [{ name: 'a public webhook URL', sent: voiceOsBody('https://hooks.example.com/webhook/voiceos') }]);
validLookAlikes(voiceOs(sandboxVoiceOs), sandbox, [
	{ name: 'a loopback webhook while the platform itself is local', item: { url: 'http://127.0.0.1:5678/webhook/x' }, sent: voiceOsBody('http://127.0.0.1:5678/webhook/x') },
]);
