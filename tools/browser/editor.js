'use strict';
// The n8n editor as a person uses it, through a puppeteer page: sign in, search the node panel,
// add a node by one of its actions and read its panel, open a credential and test it, run a
// workflow, read Settings → Community Nodes. Selectors are n8n's own `data-test-id`s, the same on
// the 1.x and 2.x lines.
const fs = require('node:fs');
const path = require('node:path');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const WAIT_MS = 30000;
/** How long the node panel's search takes to settle after typing. */
const SEARCH_SETTLE_MS = 400;
const ITEM = '[data-test-id=item-iterator-item]';
const SEARCH_BAR = 'input[data-test-id=node-creator-search-bar]';

class Editor {
	/** @param {import('puppeteer-core').Page} page */
	constructor(page, baseUrl, screenshotDir) {
		this.page = page;
		this.baseUrl = baseUrl;
		this.screenshotDir = screenshotDir;
		fs.mkdirSync(screenshotDir, { recursive: true });
		// Leaving a workflow with unsaved nodes asks first: the tests never save them.
		page.on('dialog', (dialog) => dialog.accept());
	}

	async open(pathname, readySelector) {
		await this.page.goto(`${this.baseUrl}${pathname}`, { waitUntil: 'domcontentloaded' });
		if (readySelector) await this.page.waitForSelector(readySelector, { visible: true, timeout: WAIT_MS });
	}

	/** Saves a screenshot as `<name>.png` (the name made file-safe); returns its path. */
	async screenshot(name) {
		const file = path.join(this.screenshotDir, `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}

	async signIn({ email, password }) {
		await this.open('/signin', 'input[name=password]');
		await this.page.type('input[name=emailOrLdapLoginId]', email);
		await this.page.type('input[name=password]', password);
		await Promise.all([this.page.waitForNavigation({ waitUntil: 'domcontentloaded' }), this.page.keyboard.press('Enter')]);
		await this.page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: WAIT_MS });
	}

	/** The texts of the node panel's list entries, in order (a node's first line is its name). */
	async listed() {
		return await this.page.$$eval(ITEM, (items) => items.map((item) => item.innerText.trim().split('\n')[0].trim()));
	}

	/**
	 * Opens the node panel: on a new workflow the trigger panel ("What triggers this workflow?"),
	 * on a workflow with a trigger the panel of every other node.
	 */
	async openNodePanel(workflowId) {
		if (workflowId) {
			// Loading the editor takes seconds: a workflow already open is kept (nodes added stay unsaved).
			if (!this.page.url().endsWith(`/workflow/${workflowId}`)) await this.open(`/workflow/${workflowId}`);
			await this.closeOpenPanel();
			await this.clickUntil('[data-test-id=node-creator-plus-button]', SEARCH_BAR);
		} else {
			await this.open('/workflow/new');
			await this.clickUntil('[data-test-id=canvas-plus-button]', SEARCH_BAR);
		}
	}

	/** Whether the node panel shows (its list of nodes or a node's actions). */
	async nodePanelShown() {
		const panels = await this.page.$$eval('[data-test-id=node-creator]', (elements) => elements.map((element) => element.checkVisibility()));
		return panels.some(Boolean);
	}

	/** Closes a node panel left open (by an earlier search), so that it opens afresh; reloads if Escape does not. */
	async closeOpenPanel() {
		for (let attempt = 0; attempt < 3 && (await this.nodePanelShown()); attempt++) {
			await this.page.keyboard.press('Escape');
			await sleep(300);
		}
		if (await this.nodePanelShown()) await this.open(new URL(this.page.url()).pathname);
	}

	/** Clicks `target` until `appears` shows (a click while a panel is still closing goes nowhere). */
	async clickUntil(target, appears, tries = 5) {
		for (let attempt = 1; ; attempt++) {
			await this.page.waitForSelector(target, { visible: true, timeout: WAIT_MS });
			await this.page.click(target);
			const shown = await this.page.waitForSelector(appears, { visible: true, timeout: 1000 }).catch(() => undefined);
			if (shown) return;
			if (attempt === tries) throw new Error(`clicking ${target} did not show ${appears}`);
		}
	}

	/** Types `query` into the node panel's search and returns what it lists. */
	async search(query) {
		// Focused rather than clicked: the panel may still be sliding in.
		const input = await this.page.$(SEARCH_BAR);
		await input.evaluate((element) => {
			element.focus();
			element.select();
		});
		await this.page.keyboard.press('Backspace');
		await this.page.keyboard.type(query);
		await sleep(SEARCH_SETTLE_MS);
		return await this.listed();
	}

	/** Clicks the list entry named `name` and returns what the panel lists then. */
	async choose(name) {
		const items = await this.page.$$(ITEM);
		for (const item of items) {
			const text = await item.evaluate((element) => element.innerText.trim().split('\n')[0].trim());
			if (text !== name) continue;
			await item.click();
			await sleep(SEARCH_SETTLE_MS);
			return await this.listed();
		}
		throw new Error(`the node panel lists no "${name}" (it lists: ${(await this.listed()).join(', ')})`);
	}

	/** After `choose(action)`: waits for the node's panel (NDV) and reads it. */
	async nodePanel() {
		await this.page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]', { visible: true, timeout: WAIT_MS });
		await sleep(300);
		return await this.page.$eval('[data-test-id=ndv]', (ndv) => {
			const value = (name) => ndv.querySelector(`[data-test-id=parameter-input-${name}] input`)?.value;
			const title = ndv.querySelector('[data-test-id=node-title-container]')?.innerText.trim();
			return {
				title,
				resource: value('resource'),
				operation: value('operation'),
				parameters: ndv.querySelectorAll('[data-test-id=node-parameters] [data-test-id=parameter-item]').length,
				text: ndv.innerText,
			};
		});
	}

	async closeNodePanel() {
		await this.page.keyboard.press('Escape');
		await this.page.waitForSelector('[data-test-id=ndv] [data-test-id=node-parameters]', { hidden: true, timeout: WAIT_MS });
		await sleep(250); // the panel's closing animation
	}

	/**
	 * Opens a saved credential (the editor tests it on opening), presses Retry to test it again, and
	 * returns what n8n's test answered and the banner the modal shows then.
	 */
	async testCredential(id) {
		await this.open(`/home/credentials/${id}`, '[data-test-id=editCredential-modal]');
		const modalText = () => this.page.$eval('[data-test-id=editCredential-modal]', (modal) => modal.innerText);
		const RESULT = /Connection tested successfully|Couldn.t connect|failed/i;
		await this.page.waitForFunction((pattern) => new RegExp(pattern, 'i').test(document.querySelector('[data-test-id=editCredential-modal]')?.innerText ?? ''), { timeout: WAIT_MS }, RESULT.source);
		const [retry] = await this.page.$$('xpath/.//*[@data-test-id="editCredential-modal"]//button[normalize-space(.)="Retry"]');
		if (!retry) throw new Error(`credential ${id}: no Retry button after the first test: ${await modalText()}`);
		const [answer] = await Promise.all([
			this.page.waitForResponse((response) => response.url().endsWith('/rest/credentials/test'), { timeout: WAIT_MS }),
			retry.click(),
		]);
		const { data } = await answer.json();
		await sleep(300);
		return { status: data?.status, message: data?.message, banner: (await modalText()).match(RESULT)?.[0] };
	}

	/** Runs a saved workflow with "Execute workflow" and waits for the editor's notice that it ended. */
	async runWorkflow(workflowId, timeoutMs = 90000) {
		await this.open(`/workflow/${workflowId}`, '[data-test-id=execute-workflow-button]');
		await this.page.click('[data-test-id=execute-workflow-button]');
		// The notice closes itself after a few seconds: look every 100 ms rather than on animation
		// frames, which a headless page may stop drawing while nothing moves.
		const notice = await this.page.waitForFunction(
			() => [...document.querySelectorAll('.el-notification')].map((element) => element.innerText).find((text) => /executed|problem|error/i.test(text)),
			{ timeout: timeoutMs, polling: 100 },
		);
		return await notice.jsonValue();
	}

	/** Settings → Community Nodes: the text of each installed package's card. */
	async communityPackages() {
		await this.open('/settings/community-nodes', '[data-test-id=settings-community-nodes]');
		// The cards show as empty placeholders until the list has loaded.
		await this.page.waitForFunction(
			() => {
				const cards = [...document.querySelectorAll('[data-test-id=community-package-card]')];
				return cards.length > 0 && cards.every((card) => card.innerText.trim() !== '');
			},
			{ timeout: WAIT_MS },
		);
		return await this.page.$$eval('[data-test-id=community-package-card]', (cards) => cards.map((card) => card.innerText));
	}
}

module.exports = { Editor };
