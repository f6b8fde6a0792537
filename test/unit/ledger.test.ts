import { actionKey, forget, LEDGER_MAX_ENTRIES, LEDGER_TTL_MS, ledgerSize, recall, remember } from '../../nodes/shared/execution/ledger';

/** The part of a node run's context the ledger reads. */
const run = (executionId: string | undefined, node = 'OSVI') => ({
	getExecutionId: () => executionId,
	getInputData: () => [],
	getNode: () => ({ name: node }),
});
const request = (body: object) => ({ method: 'POST', url: 'https://api.osvi.ai/v1/call', body });

describe('the ledger of acting requests', () => {
	test('the same item sending the same request in the same execution and node is recognised', () => {
		const key = actionKey(run('1'), 3, request({ phone_number: '9876543210' }));
		expect(actionKey(run('1'), 3, request({ phone_number: '9876543210' }))).toBe(key);
		expect(actionKey(run('2'), 3, request({ phone_number: '9876543210' }))).not.toBe(key);
		expect(actionKey(run('1', 'Other'), 3, request({ phone_number: '9876543210' }))).not.toBe(key);
		expect(actionKey(run('1'), 4, request({ phone_number: '9876543210' }))).not.toBe(key);
		expect(actionKey(run('1'), 3, request({ phone_number: '9876543211' }))).not.toBe(key);
	});

	test('no execution ID, or not a node run: nothing is recorded', () => {
		expect(actionKey(run(undefined), 0, request({}))).toBeUndefined();
		expect(actionKey({ getNode: () => ({ name: 'x' }) }, 0, request({}))).toBeUndefined();
	});

	test('remembers, forgets, and lets entries expire', () => {
		const key = actionKey(run('ttl'), 0, request({ a: 1 }))!;
		remember(key, { state: 'done', at: Date.now(), answer: { call_id: 'c1' } });
		expect(recall(key)).toMatchObject({ state: 'done', answer: { call_id: 'c1' } });
		forget(key);
		expect(recall(key)).toBeUndefined();
		remember(key, { state: 'unknown', at: Date.now() - LEDGER_TTL_MS - 1, reason: 'HTTP 500' });
		expect(recall(key)).toBeUndefined();
	});

	test('memory stays bounded: beyond the limit the oldest entries go first', () => {
		const first = actionKey(run('bound'), 0, request({ n: -1 }))!;
		remember(first, { state: 'done', at: Date.now(), answer: {} });
		for (let index = 0; index < LEDGER_MAX_ENTRIES + 500; index++) {
			remember(actionKey(run('bound'), index, request({ n: index }))!, { state: 'done', at: Date.now(), answer: {} });
		}
		expect(ledgerSize()).toBe(LEDGER_MAX_ENTRIES);
		expect(recall(first)).toBeUndefined();
		expect(recall(actionKey(run('bound'), LEDGER_MAX_ENTRIES + 499, request({ n: LEDGER_MAX_ENTRIES + 499 }))!)).toBeDefined();
	});
});
