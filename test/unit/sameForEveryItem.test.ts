import type { IExecuteFunctions } from 'n8n-workflow';

import { holdsExpression, sameForEveryItem } from '../../nodes/shared/execution/sameForEveryItem';

/** The part of a node run's context sameForEveryItem reads: the parameters as stored. */
const run = (parameters: Record<string, unknown>) => ({ getNode: () => ({ parameters }) }) as unknown as IExecuteFunctions;

describe('parameters read once for all items', () => {
	test('an expression anywhere in a stored value is found', () => {
		expect(holdsExpression('={{ $json.id }}')).toBe(true);
		expect(holdsExpression({ __rl: true, mode: 'id', value: '={{ $json.agent }}' })).toBe(true);
		expect(holdsExpression({ batchSize: 2, nested: ['a', { b: '=x' }] })).toBe(true);
		expect(holdsExpression({ __rl: true, mode: 'id', value: 'agent_1' })).toBe(false);
		expect(holdsExpression(101)).toBe(false);
		expect(holdsExpression(undefined)).toBe(false);
	});

	test('without an expression the parameters are read once, for the first item that asks', () => {
		const reads: number[] = [];
		const settingsOf = sameForEveryItem(run({ campaignId: 101, options: { batchSize: 2 } }), ['campaignId', 'options'], (itemIndex) => {
			reads.push(itemIndex);
			return { campaignId: 101 };
		});
		expect([settingsOf(0), settingsOf(1), settingsOf(2)]).toEqual([{ campaignId: 101 }, { campaignId: 101 }, { campaignId: 101 }]);
		expect(reads).toEqual([0]);
	});

	test('with an expression in one of them, every item reads its own', () => {
		const reads: number[] = [];
		const settingsOf = sameForEveryItem(run({ campaignId: '={{ $json.campaign }}', options: {} }), ['campaignId', 'options'], (itemIndex) => {
			reads.push(itemIndex);
			return itemIndex;
		});
		expect([settingsOf(0), settingsOf(1), settingsOf(2)]).toEqual([0, 1, 2]);
		expect(reads).toEqual([0, 1, 2]);
	});

	test('a read that fails is not kept: each item fails with its own error', () => {
		const settingsOf = sameForEveryItem(run({ campaignId: 'x' }), ['campaignId'], (itemIndex) => {
			throw new Error(`bad campaign [item ${itemIndex}]`);
		});
		expect(() => settingsOf(0)).toThrow('[item 0]');
		expect(() => settingsOf(1)).toThrow('[item 1]');
	});
});
