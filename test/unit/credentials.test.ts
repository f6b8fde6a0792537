import type { ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { KlenAiApi } from '../../credentials/KlenAiApi.credentials';
import { OsviApi } from '../../credentials/OsviApi.credentials';
import { UnleashXApi } from '../../credentials/UnleashXApi.credentials';
import { VoiceOsApi } from '../../credentials/VoiceOsApi.credentials';

type Authenticate = (credentials: object, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

// Each credential puts its secret in the header its platform documents, by a function: n8n runs a
// function as it is, where it evaluates the generic form's expressions on every request.
const cases: Array<[ICredentialType, object, Record<string, string>]> = [
	[new OsviApi(), { apiToken: 'osvi-token-16chr' }, { 'API-Token': 'osvi-token-16chr' }],
	[new KlenAiApi(), { apiKey: 'klen_key' }, { Authorization: 'Bearer klen_key' }],
	[new VoiceOsApi(), { apiToken: 'voice-token' }, { Authorization: 'Bearer voice-token' }],
	[new UnleashXApi(), { apiToken: 'unleash-token' }, { token: 'unleash-token' }],
];

describe.each(cases.map(([credentialType, ...rest]) => [credentialType.name, credentialType, ...rest] as const))('%s authenticate', (_name, credentialType, data, expected) => {
	test('adds the secret header, keeps the request and its other headers', async () => {
		expect(typeof credentialType.authenticate).toBe('function');
		const request: IHttpRequestOptions = { url: 'https://example.com/x', method: 'POST', headers: { 'X-Other': '1' }, body: { a: 1 } };
		const authenticated = await (credentialType.authenticate as unknown as Authenticate)(data, request);
		expect(authenticated).toEqual({ ...request, headers: { 'X-Other': '1', ...expected } });
		expect(request.headers).toEqual({ 'X-Other': '1' });
	});
});
