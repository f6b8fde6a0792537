'use strict';
// The sandbox: a faithful fake of each platform's API on 127.0.0.1, the product's embedded default
// (the demo, `npm run sandbox`, the tests and the benchmarks run against it). Every fake found in
// platforms/ (registry.js) is served by one common server (core/server.js) under its own prefix.
const { SandboxServer } = require('./core/server');
const { apiUrl, credentialFor, ownPlatforms, platformNamed, platforms, triggerCredentialFor } = require('./registry');

/**
 * @param {object} [options] handed to every fake too, which takes what it knows (e.g. OSVI's `webhookShape`)
 * @param {number} [options.port] 0 (the default) for any free port
 * @param {number} [options.callDurationMs] time from a call's start to its final status
 * @param {number} [options.webhookTimeoutMs] how long a webhook delivery waits for n8n's answer (default 10 s)
 * @param {object} [options.faults] the first fault plan (core/faults.js)
 */
async function startSandbox(options = {}) {
	let url = '';
	const fakes = Object.fromEntries(platforms.map((platform) => [platform.name, new platform.Fake({ ...options, baseUrl: () => url })]));
	const server = new SandboxServer(fakes, options.faults);
	url = await server.listen(options.port ?? 0);
	const sandbox = {
		url,
		fakes,
		requests: server.requests,
		/** Requests of one platform, optionally of one method and path. */
		received(platform, method, path) {
			return server.requests.filter(
				(entry) => entry.platform === platform && (!method || entry.method === method) && (!path || entry.path === path),
			);
		},
		/** How many platform requests were being served at once, at most, since the last reset. */
		get maxInFlight() {
			return server.load.maxInFlight;
		},
		/** n8n credentials pointing at the fakes: of every platform of this package, and of the stand-ins when asked. */
		credentials({ standIns = false } = {}) {
			return (standIns ? platforms : ownPlatforms).map((platform) => credentialFor(platform, url));
		},
		/** The n8n credential of one fake, e.g. `credential('osvi')`. */
		credential(name) {
			return credentialFor(platformNamed(name), url);
		},
		/** The credentials of the triggers' secrets, as the fakes send them (version 2 triggers). */
		triggerCredentials() {
			return ownPlatforms.map(triggerCredentialFor).filter(Boolean);
		},
		/** The trigger credential of one fake, e.g. `triggerCredential('osvi')`. */
		triggerCredential(name) {
			return triggerCredentialFor(platformNamed(name));
		},
		reset: () => server.reset(),
		setFaults: (plan) => server.setFaults(plan),
		close: () => server.close(),
	};
	// Each fake as `sandbox.<name>`, its API as `sandbox.<name>Url`, and the values it declares (e.g. `osviToken`).
	for (const platform of platforms) {
		Object.assign(sandbox, { [platform.name]: fakes[platform.name], [`${platform.name}Url`]: apiUrl(platform, url) }, platform.shortcuts);
	}
	return sandbox;
}

module.exports = { startSandbox };
