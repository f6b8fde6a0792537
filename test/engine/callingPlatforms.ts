// The call-placing operation of every platform, as the engine tests of the calling rules run it:
// its node, the fake that answers, the path that places a call, numbers to call and where they ring.
import type { Sandbox } from '../../sandbox';
import type { NodeRunOptions } from './harness';

const rl = (value: string, mode = 'id') => ({ __rl: true, mode, value });

export interface CallingPlatform {
	type: string;
	fake: string;
	callPath: string;
	credentials: (sandbox: Sandbox) => NodeRunOptions['credentials'];
	/** The operation's parameters, the number to call mapped from the item's `phone`. */
	parameters: NodeRunOptions['parameters'];
	/** The parameter that holds the number to call. */
	phoneParameter: string;
	/** Two numbers of the node's country, as a CRM may hold them. */
	phones: [string, string];
	/** The time zone those numbers ring in, and an instant when it is 02:00 there. */
	zone: string;
	nightAt: string;
	callIdOf: (json: Record<string, unknown>) => unknown;
	/** The ID the platform's call list shows for a call (Klen AI's list rows carry the database ID). */
	listedIdOf?: (json: Record<string, unknown>) => unknown;
}

export const callingPlatforms: CallingPlatform[] = [
	{
		type: 'osvi',
		fake: 'osvi',
		callPath: '/v1/call',
		credentials: (sandbox) => ({ osviApi: { apiToken: sandbox.osviToken, baseUrl: sandbox.osviUrl } }),
		parameters: { resource: 'call', operation: 'initiate', agent: rl('agent_SandboxReminder01'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phoneParameter: 'phoneNumber',
		phones: ['98765 43211', '98765 43212'],
		zone: 'Asia/Calcutta',
		nightAt: '2026-03-10T20:30:00Z',
		callIdOf: (json) => json.call_id,
	},
	{
		type: 'klenAi',
		fake: 'klen',
		callPath: '/api/v1/calls',
		credentials: (sandbox) => ({ klenAiApi: { apiKey: sandbox.klenKey, baseUrl: sandbox.klenUrl } }),
		parameters: { resource: 'call', operation: 'initiate', agent: rl('11'), phoneNumber: '={{ $json.phone }}', country: 'US' },
		phoneParameter: 'phoneNumber',
		phones: ['(415) 555-2671', '(415) 555-2672'],
		zone: 'America/Los_Angeles',
		nightAt: '2026-03-10T09:00:00Z',
		callIdOf: (json) => json.call_id,
		listedIdOf: (json) => String(json.id),
	},
	{
		type: 'voiceOs',
		fake: 'voiceos',
		callPath: '/conversations/create_phone_call',
		credentials: (sandbox) => ({ voiceOsApi: { apiToken: sandbox.voiceosToken, baseUrl: sandbox.voiceosUrl } }),
		parameters: { resource: 'call', operation: 'createPhoneCall', agent: rl('agt_1'), fromNumber: rl('+14155550100', 'list'), toNumber: '={{ $json.phone }}', country: 'US' },
		phoneParameter: 'toNumber',
		phones: ['(415) 555-2671', '(415) 555-2672'],
		zone: 'America/Los_Angeles',
		nightAt: '2026-03-10T09:00:00Z',
		callIdOf: (json) => json.id,
	},
	{
		type: 'unleashX',
		fake: 'unleashx',
		callPath: '/api/v1/global/agents/call',
		credentials: (sandbox) => ({ unleashXApi: { apiToken: sandbox.unleashxToken, baseUrl: sandbox.unleashxUrl } }),
		parameters: { resource: 'call', operation: 'makeCall', agent: rl('501'), phoneNumber: '={{ $json.phone }}', country: 'IN' },
		phoneParameter: 'phoneNumber',
		phones: ['98765 43211', '98765 43212'],
		zone: 'Asia/Calcutta',
		nightAt: '2026-03-10T20:30:00Z',
		callIdOf: (json) => json.execution_id,
	},
];

/** The requests that placed a call on the platform's fake (acted on, not refused). */
export const placedCalls = (sandbox: Sandbox, platform: CallingPlatform) =>
	sandbox.received(platform.fake, 'POST', platform.callPath).filter((request) => request.acted);
