// The e2e harness reads n8n's run JSON from `n8n execute --rawOutput`, between log lines.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseRunOutput } = require('../../tools/n8n/cli');

// A quadratic search would not finish within jest's timeout on this output.
test('finds the run JSON between log lines, also in a large output', () => {
	const run = { data: { resultData: { runData: { Work: Array.from({ length: 20000 }, (_, index) => ({ index })) } } } };
	const output = `Initializing n8n process\n${JSON.stringify(run, null, 2)}\nExecution finished\n}\nmore log\n`;
	expect(parseRunOutput(output)).toEqual(run);
});

test('no run JSON: undefined', () => {
	expect(parseRunOutput('"--id" has to be set!\n')).toBeUndefined();
	expect(parseRunOutput('{\nnot json\n}\n')).toBeUndefined();
});
