import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import { describeNetworkCode, networkCodeOf } from '../../nodes/shared/transport/network';

const node = { name: 'OSVI', type: 'osvi', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;

describe('the network error code, wherever each n8n line puts it', () => {
	test('a raw AxiosError (helpers.httpRequest, both lines): code and cause.code', () => {
		expect(networkCodeOf({ code: 'ECONNREFUSED', cause: { code: 'ECONNREFUSED' } })).toBe('ECONNREFUSED');
		expect(networkCodeOf({ name: 'AxiosError', code: 'ECONNABORTED', message: 'timeout of 300ms exceeded' })).toBe('ECONNABORTED');
	});

	test("n8n 1.x's NodeApiError: the code only in httpCode (no cause)", () => {
		// What n8n-core 1.122 throws from httpRequestWithAuthentication for a refused connection.
		const error = { name: 'NodeApiError', httpCode: 'ECONNREFUSED', message: 'The service refused the connection - perhaps it is offline', messages: ['connect ECONNREFUSED 127.0.0.1:1'], cause: undefined };
		expect(networkCodeOf(error)).toBe('ECONNREFUSED');
		expect(networkCodeOf({ ...error, httpCode: 'ECONNABORTED', messages: ['timeout of 5000ms exceeded'] })).toBe('ECONNABORTED');
	});

	test("n8n 2.x's NodeApiError: httpCode and the AxiosError as cause", () => {
		const error = new NodeApiError(node, { message: 'x', code: 'ECONNRESET' } as unknown as JsonObject);
		expect(error.httpCode).toBe('ECONNRESET');
		expect(networkCodeOf(error)).toBe('ECONNRESET');
	});

	test('only the raw message names it', () => {
		expect(networkCodeOf({ message: 'socket hang up', messages: ['read ECONNRESET'] })).toBe('ECONNRESET');
		expect(networkCodeOf({ message: 'timeout of 60000ms exceeded' })).toBe('ECONNABORTED');
		expect(networkCodeOf({ message: 'something else' })).toBeUndefined();
		expect(networkCodeOf({ httpCode: '500' })).toBeUndefined();
		expect(networkCodeOf(undefined)).toBeUndefined();
	});

	test('a timeout is called a timeout', () => {
		expect(describeNetworkCode('ECONNABORTED', 60_000)).toBe('No answer within 60 s (timeout, ECONNABORTED)');
		expect(describeNetworkCode('ETIMEDOUT', 5_000)).toMatch(/^No answer within 5 s/);
		expect(describeNetworkCode('ECONNREFUSED', 5_000)).toBe('The connection was refused (ECONNREFUSED)');
	});
});
