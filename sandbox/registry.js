'use strict';
// The fakes of the sandbox, found in platforms/: each folder there is one fake, and its index.js
// says what the sandbox needs to serve it (see README.md). No other list of platforms is kept.
const fs = require('node:fs');
const path = require('node:path');

const FOLDER = path.join(__dirname, 'platforms');

function discover() {
	return fs
		.readdirSync(FOLDER, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
		.map((folder) => {
			const platform = require(path.join(FOLDER, folder));
			if (platform.name !== folder) throw new Error(`sandbox/platforms/${folder}/index.js declares the name "${platform.name}"`);
			return { apiRoot: '', standIn: false, shortcuts: {}, notes: () => [], ...platform };
		});
}

/** Every fake, by folder name; stand-ins (the chat model) included. */
const platforms = discover();

/** The fakes of the platforms this package has nodes for. */
const ownPlatforms = platforms.filter((platform) => !platform.standIn);

function platformNamed(name) {
	const found = platforms.find((platform) => platform.name === name);
	if (!found) throw new Error(`no sandbox fake named "${name}" in sandbox/platforms/`);
	return found;
}

/** Where a fake's API answers, as its credential's Base URL wants it. */
function apiUrl(platform, sandboxUrl) {
	return `${sandboxUrl}/${platform.name}${platform.apiRoot}`;
}

/** The n8n credential (as `n8n import:credentials` reads it) that points at a fake of a running sandbox. */
function credentialFor(platform, sandboxUrl) {
	const { type, id, name, data } = platform.credential;
	return { id, name, type, data: data(apiUrl(platform, sandboxUrl)) };
}

/** The n8n credential of a fake's trigger (its webhook secret), or undefined for a fake without one. */
function triggerCredentialFor(platform) {
	if (!platform.triggerCredential) return undefined;
	const { type, id, name, data } = platform.triggerCredential;
	return { id, name, type, data: { ...data } };
}

module.exports = { platforms, ownPlatforms, platformNamed, apiUrl, credentialFor, triggerCredentialFor };
