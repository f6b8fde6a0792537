'use strict';
// Debian's Chromium, headless, driven by puppeteer-core (which downloads no browser): a fresh
// profile per launch, nothing that phones home, and a record of every console error, page error
// and failed request, so a test can tell this package's problems from n8n's own.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const puppeteer = require('puppeteer-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Launches Chromium with a new profile; `close()` ends it and removes the profile. */
async function launchChromium({ width = 1440, height = 900 } = {}) {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'voice-agents-chromium-'));
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [...FLAGS, `--user-data-dir=${profile}`, `--window-size=${width},${height}`],
		defaultViewport: { width, height },
	});
	return {
		browser,
		async close() {
			await browser.close().catch(() => undefined);
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

/**
 * A new page that reaches only this machine: the editor's own calls to outside services (the npm
 * registry for a community node's details, n8n's servers) are refused in the browser.
 */
async function localPage(browser) {
	const page = await browser.newPage();
	await page.setRequestInterception(true);
	page.on('request', (request) => {
		const { protocol, hostname } = new URL(request.url());
		const local = !protocol.startsWith('http') || hostname === '127.0.0.1' || hostname === 'localhost';
		if (local) void request.continue();
		else void request.abort('blockedbyclient');
	});
	return page;
}

/** Every problem a page reports: console errors, uncaught page errors, failed requests and HTTP errors. */
function watchProblems(page) {
	const problems = [];
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		problems.push({ kind: 'console', text: message.text(), url: message.location()?.url ?? '' });
	});
	page.on('pageerror', (error) => problems.push({ kind: 'page', text: `${error.message}\n${error.stack ?? ''}`, url: '' }));
	page.on('requestfailed', (request) => {
		problems.push({ kind: 'request', text: request.failure()?.errorText ?? 'failed', url: request.url() });
	});
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push({ kind: 'http', text: String(response.status()), url: response.url() });
	});
	return problems;
}

module.exports = { CHROMIUM, launchChromium, localPage, watchProblems };
