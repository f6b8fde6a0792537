'use strict';
// The package in the n8n editor, in Debian's Chromium (headless, puppeteer-core), on each pinned n8n:
// signed in as a person would, the node panel finds every node by its name and by the aliases
// people search for, every operation's panel and every trigger's panel opens without an error,
// every credential's Test answers, an example runs from the editor, and Settings → Community Nodes
// lists the package. Screenshots of every panel go to build/screenshots/<version>/ (not committed).
const path = require('node:path');

const { startSandbox } = require('../../sandbox');
const { Editor } = require('../../tools/browser/editor');
const { launchChromium, localPage, watchProblems } = require('../../tools/browser/launch');
const { appsWithAlias, packageOffer } = require('../../tools/browser/offer');
const { loadExamples } = require('../../tools/examples');
const { PACKAGE, root } = require('../../tools/package/manifest');
const { N8nInstance, selectedVersions } = require('../../tools/n8n');
const { ownPlatforms } = require('../../sandbox/registry');
const { chain } = require('./workflows');

const selected = selectedVersions();
const offer = packageOffer();
const actionNodes = offer.filter((node) => !node.trigger);
const triggers = offer.filter((node) => node.trigger);
const ALIASES = ['call', 'phone', 'voice agent', 'dialer', 'campaign', 'do not call'];
const credentials = ownPlatforms.map((platform) => [platform.credential.name, platform.credential]);
/** The triggers' secret credentials: their Test checks the secret and sends nothing. */
const triggerCredentials = ownPlatforms.filter((platform) => platform.triggerCredential).map((platform) => [platform.triggerCredential.name, platform.triggerCredential]);
/** Words that mark a console message as this package's: its name, its platforms, its credential types. */
const OUR_WORDS = new RegExp(
	[PACKAGE, ...new Set(offer.map((node) => node.app)), ...[...credentials, ...triggerCredentials].map(([, credential]) => credential.type)].join('|'),
	'i',
);
const CANVAS = 'e2eEditorCanvas01';
/**
 * The examples a person starts with one click in the editor: from a Manual Trigger, or from a
 * Webhook node with a pinned sample. (The AI Agent example has its own test below.)
 */
const oneClickExamples = loadExamples('http://127.0.0.1:5678').filter(
	(workflow) =>
		workflow.id !== 'exAiAgentOsviTool' &&
		workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger' || (node.type === 'n8n-nodes-base.webhook' && workflow.pinData?.[node.name])),
);

describe.each(selected)('n8n %s, in the editor', (version) => {
	let sandbox;
	let n8n;
	let chromium;
	let editor;
	let problems;

	beforeAll(async () => {
		sandbox = await startSandbox({ callDurationMs: 300 });
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials([...sandbox.credentials({ standIns: true }), ...sandbox.triggerCredentials()]);
		await n8n.importWorkflows([...loadExamples(n8n.url, sandbox.url), chain(CANVAS, 'Editor test canvas', [])]);
		await n8n.start();
		const login = await n8n.ensureOwner();
		chromium = await launchChromium();
		const page = await localPage(chromium.browser);
		problems = watchProblems(page);
		editor = new Editor(page, n8n.url, path.join(root, 'build', 'screenshots', version));
		await editor.signIn(login);
	}, 900000);

	afterAll(async () => {
		await chromium?.close();
		await n8n?.stop();
		await sandbox?.close();
	});

	test('Settings → Community Nodes lists the package with its eight nodes', async () => {
		const [card, ...others] = await editor.communityPackages();
		await editor.screenshot('settings-community-nodes');
		expect(others).toEqual([]);
		expect(card).toContain('n8n-nodes-voice-agents');
		for (const node of offer) expect(card).toContain(node.displayName);
	});

	test.each([['trigger panel'], ['node panel']])('the %s finds every node by its name', async (panel) => {
		await editor.openNodePanel(panel === 'node panel' ? CANVAS : undefined);
		for (const node of offer) {
			expect({ query: node.displayName, found: (await editor.search(node.displayName)).includes(node.app) }).toEqual({ query: node.displayName, found: true });
		}
	});

	test.each(ALIASES)('searching "%s" finds the nodes whose codex has it as an alias', async (alias) => {
		const expected = appsWithAlias(offer, alias);
		expect(expected.length).toBeGreaterThan(0);
		await editor.openNodePanel(CANVAS);
		const found = await editor.search(alias);
		await editor.screenshot(`search-${alias}`);
		expect(found).toEqual(expect.arrayContaining(expected));
	});

	test.each(actionNodes.map((node) => [node.displayName, node]))('%s: every action is listed and opens its panel', async (_name, node) => {
		await editor.openNodePanel(CANVAS);
		await editor.search(node.displayName);
		const actions = await editor.choose(node.app);
		expect(actions).toEqual(expect.arrayContaining(node.operations.map((operation) => operation.action)));
		for (const operation of node.operations) {
			await editor.openNodePanel(CANVAS);
			await editor.search(node.displayName);
			await editor.choose(node.app);
			await editor.choose(operation.action);
			const panel = await editor.nodePanel();
			await editor.screenshot(`${node.displayName}-${operation.resource}-${operation.operation}`);
			expect({ action: operation.action, resource: panel.resource, operation: panel.operation }).toEqual({
				action: operation.action,
				resource: operation.resource,
				operation: operation.operation,
			});
			expect(panel.parameters).toBeGreaterThan(2);
			expect(panel.text).not.toMatch(/not (currently )?installed|could not load|problem loading/i);
			await editor.closeNodePanel();
		}
	});

	test.each(triggers.map((node) => [node.displayName, node]))('%s: its panel opens from the trigger panel', async (_name, node) => {
		await editor.openNodePanel();
		await editor.search(node.displayName);
		const [firstEvent] = await editor.choose(node.app);
		await editor.choose(firstEvent);
		const panel = await editor.nodePanel();
		await editor.screenshot(`${node.displayName}`);
		expect(panel.title).toContain(node.displayName);
		expect(panel.parameters).toBeGreaterThan(0);
		expect(panel.text).toMatch(/Webhook URLs/i);
		expect(panel.text).not.toMatch(/not (currently )?installed|could not load|problem loading/i);
		await editor.closeNodePanel();
	});

	test.each(credentials)('credential %s: pressing Retry tests it against the sandbox: "Connection tested successfully"', async (_name, credential) => {
		const before = sandbox.requests.length;
		const tested = await editor.testCredential(credential.id);
		await editor.screenshot(`credential-${credential.name}`);
		expect(tested).toMatchObject({ status: 'OK', banner: 'Connection tested successfully' });
		expect(sandbox.requests.slice(before).some((request) => request.authenticated)).toBe(true);
	});

	test.each(triggerCredentials)('credential %s: pressing Retry checks the secret, sending nothing to the platform', async (_name, credential) => {
		const before = sandbox.requests.length;
		const tested = await editor.testCredential(credential.id);
		await editor.screenshot(`credential-${credential.name}`);
		expect(tested).toMatchObject({ status: 'OK', banner: 'Connection tested successfully' });
		expect(tested.message).toMatch(/nothing is sent/i);
		expect(sandbox.requests.slice(before)).toEqual([]);
	});

	test('the AI Agent example runs from the editor: a real call is placed and the agent reports its result', async () => {
		const since = Date.now();
		const notice = await editor.runWorkflow('exAiAgentOsviTool');
		await editor.screenshot('example-ai-agent-run');
		expect(notice).toMatch(/executed successfully/i);
		const [request] = sandbox.received('osvi', 'POST', '/v1/call');
		expect(request.body).toMatchObject({ phone_number: '9876543211', country_code: 'IN', person_name: 'Asha' });
		const run = await n8n.waitForExecution('exAiAgentOsviTool', since);
		expect(run).toMatchObject({ mode: 'manual', status: 'success' });
		const [answer] = run.data.resultData.runData['AI Agent'][0].data.main[0];
		expect(answer.json.output).toMatch(/^Tool result: .*"status":"picked"/s);
	});

	test.each(oneClickExamples.map((workflow) => [workflow.name, workflow]))('%s runs from the editor with one click and acts in the sandbox', async (_name, workflow) => {
		const since = Date.now();
		const before = sandbox.requests.length;
		const notice = await editor.runWorkflow(workflow.id);
		await editor.screenshot(`example-${workflow.id}-run`);
		expect(notice).toMatch(/executed successfully/i);
		expect(await n8n.waitForExecution(workflow.id, since)).toMatchObject({ mode: 'manual', status: 'success' });
		const acted = sandbox.requests.slice(before).filter((request) => request.method === 'POST' && request.authenticated);
		expect(acted.length).toBeGreaterThan(0);
	});

	test('the browser reported no error from this package: no console or page error naming it, no failed request for its files or the sandbox', () => {
		// Addresses are judged by where they point (a workflow ID may contain a platform's name);
		// requests to outside this machine are refused by the page itself (see localPage).
		// n8n 2.x asks for each operation's optional output-schema preview (/schemas/<type>/<version>/
		// <resource>/<operation>.json, from a package's __schema__ folder); this package ships none, and
		// the editor shows nothing for the 404: not an error of the package.
		const optionalLookup = (problem) => problem.kind === 'http' && problem.text === '404' && new URL(problem.url).pathname.startsWith(`/schemas/${PACKAGE}.`);
		const ours = (problem) =>
			['console', 'page'].includes(problem.kind)
				? OUR_WORDS.test(problem.text)
				: (problem.url.startsWith(n8n.url) && problem.url.includes(PACKAGE) && !optionalLookup(problem)) || problem.url.startsWith(sandbox.url);
		expect(problems.filter(ours)).toEqual([]);
	});
});
