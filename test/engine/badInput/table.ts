// The bad-input table's runner: every case runs through n8n-core's real execution (the engine
// harness) against the sandbox, twice. With Continue On Fail, items [good, bad, good]: the bad
// item becomes the only error item, its message names the field and `[item 1]`, and exactly the
// two good items reach the sandbox (with identical requests, so nothing of the bad one). Without
// it, items [good, bad]: the node fails naming the item and the field, and nothing at all is sent.
// Valid look-alikes run alone and assert exactly what was sent.
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { runNode } from '../harness';

/** The sandbox of a test file; calls never end during a test, so no webhook is ever posted. */
export function useSandbox(): () => Sandbox {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox({ callDurationMs: 600_000 });
	});
	afterAll(async () => await sandbox.close());
	return () => sandbox;
}

export interface Operation {
	/** How test names call it: "OSVI Call → Initiate". */
	title: string;
	type: string;
	credentials: () => Record<string, ICredentialDataDecryptedObject>;
	/** Parameters of a good run; values that differ per item are expressions over the item (`$json`). */
	parameters: IDataObject;
	/** The item JSON of a good item. */
	good: IDataObject;
	/** Two different good items, where two equal ones would not both succeed (e.g. removing one number twice). */
	goodItems?: [IDataObject, IDataObject];
	/** The requests that carry out the operation (the ones a bad item must never cause). */
	acting: { platform: string; method: string; path: string | RegExp };
	/** What a valid case compares: the request's body (default) or its query string. */
	sentPart?: 'body' | 'query';
	/** How many items one acting request carries (default 1; a batch operation carries several). */
	itemsIn?: (request: RecordedRequest) => number;
	/** Runs before each run of a case, after the sandbox was reset (e.g. opens a chat session). */
	setup?: (sandbox: Sandbox) => Promise<IDataObject | void>;
}

export interface BadCase {
	/** What is wrong, for the test name. */
	name: string;
	/** The field the message must name, as the editor shows it. */
	field: string;
	/** Item JSON of the bad item, over the good item's. */
	bad: IDataObject;
	/** Parameters over the operation's (usually expressions that read the values below). */
	params?: IDataObject;
	/** Item JSON over the operation's good item, for every item. */
	good?: IDataObject;
}

export interface ValidCase {
	name: string;
	item?: IDataObject;
	params?: IDataObject;
	/** Exactly what the one acting request carried (body, or query string). */
	sent: unknown;
}

/** Expression that reads `key` of the item: the way a CRM value reaches a field. */
export const fromItem = (key: string) => `={{ $json[${JSON.stringify(key)}] }}`;

export const locator = (value: unknown, mode = 'id') => ({ __rl: true, mode, value });

function isPlainObject(value: unknown): value is IDataObject {
	return !!value && typeof value === 'object' && !Array.isArray(value) && !('__rl' in (value as object));
}

/** Parameters over parameters: collections are merged, everything else is replaced. */
export function merge(base: IDataObject, over: IDataObject = {}): IDataObject {
	const result: IDataObject = { ...base };
	for (const [key, value] of Object.entries(over)) {
		result[key] = isPlainObject(value) && isPlainObject(base[key]) ? merge(base[key] as IDataObject, value) : value;
	}
	return result;
}

const CRASH = /TypeError|is not a function|Cannot read prop|undefined \(reading|\[object Object\]/;

/** The message names the field and the item the way every input error does. */
export function expectNamesFieldAndItem(message: unknown, field: string, itemIndex: number) {
	expect(typeof message).toBe('string');
	expect(message as string).not.toMatch(CRASH);
	expect((message as string).startsWith(`Invalid '${field}': `)).toBe(true);
	expect((message as string).endsWith(` [item ${itemIndex}]`)).toBe(true);
}

function acting(sandbox: Sandbox, operation: Operation): RecordedRequest[] {
	const { platform, method, path } = operation.acting;
	return sandbox
		.received(platform, method)
		.filter((request) => (typeof path === 'string' ? request.path === path : path.test(request.path)));
}

async function freshRun(sandbox: Sandbox, operation: Operation): Promise<IDataObject> {
	sandbox.reset();
	const extra = (await operation.setup?.(sandbox)) ?? {};
	sandbox.requests.length = 0;
	return extra;
}

/** One test per bad case. */
export function badInputs(operation: Operation, sandbox: () => Sandbox, cases: BadCase[]) {
	describe(`bad input · ${operation.title}`, () => {
		test.each(cases.map((badCase) => [`${badCase.field}: ${badCase.name}`, badCase] as const))('bad · %s', async (_name, badCase) => {
			const parameters = merge(operation.parameters, badCase.params);
			const run = async (items: IDataObject[], continueOnFail: boolean) =>
				await runNode({ type: operation.type, parameters, items, credentials: operation.credentials(), continueOnFail });

			const goodItems = (extra: IDataObject) =>
				(operation.goodItems ?? [operation.good, operation.good]).map((good) => ({ ...good, ...extra, ...badCase.good }));
			let [first, second] = goodItems(await freshRun(sandbox(), operation));
			const on = await run([first, { ...first, ...badCase.bad }, second], true);
			expect(on.error).toBeUndefined();
			const failed = on.items.filter((item) => item.json.error !== undefined);
			expect(failed).toHaveLength(1);
			expect(failed[0].pairedItem).toEqual({ item: 1 });
			expectNamesFieldAndItem(failed[0].json.error, badCase.field, 1);
			expect(failed[0].json.description).toContain('Nothing was sent to the API for this item');
			const sent = acting(sandbox(), operation);
			expect(sent.reduce((items, request) => items + (operation.itemsIn?.(request) ?? 1), 0)).toBe(2);
			// Two equal good items make two equal requests: nothing of the bad item is in them.
			if (sent.length === 2 && !operation.goodItems) expect(sent[0].body).toEqual(sent[1].body);

			[first] = goodItems(await freshRun(sandbox(), operation));
			const off = await run([first, { ...first, ...badCase.bad }], false);
			expect(off.error?.name).not.toBe('TypeError');
			expectNamesFieldAndItem(off.error?.message, badCase.field, 1);
			expect(sandbox().requests).toHaveLength(0);
		});
	});
}

/** One test per valid look-alike: accepted, and exactly this was sent. */
export function validLookAlikes(operation: Operation, sandbox: () => Sandbox, cases: ValidCase[]) {
	describe(`valid look-alikes · ${operation.title}`, () => {
		test.each(cases.map((validCase) => [validCase.name, validCase] as const))('valid · %s', async (_name, validCase) => {
			const extra = await freshRun(sandbox(), operation);
			const { error, items } = await runNode({
				type: operation.type,
				parameters: merge(operation.parameters, validCase.params),
				items: [{ ...operation.good, ...extra, ...validCase.item }],
				credentials: operation.credentials(),
			});
			expect(error).toBeUndefined();
			expect(items.some((item) => item.json.error !== undefined)).toBe(false);
			const sent = acting(sandbox(), operation);
			expect(sent).toHaveLength(1);
			const expected = typeof validCase.sent === 'function' ? validCase.sent(extra) : validCase.sent;
			expect(sent[0][operation.sentPart ?? 'body']).toEqual(expected);
		});
	});
}

/** Cases with the same field and the values that are wrong for it. */
export function casesFor(field: string, key: string, values: Array<[string, unknown]>, params?: IDataObject, good?: IDataObject): BadCase[] {
	return values.map(([name, value]) => ({ name, field, bad: { [key]: value } as IDataObject, params, good }));
}
