'use strict';
// Prints what n8n loads from the built package: every node's and credential's description (as
// JSON, keys sorted) and the names of their editor methods. Used to prove that a refactoring left
// what users see unchanged: `node scripts/describe-package.js > before.json`, change, build, run
// again and diff.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { n8n } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function sorted(value) {
	if (Array.isArray(value)) return value.map(sorted);
	if (typeof value === 'function') return `[function ${value.name}]`;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, sorted(value[key])]),
		);
	}
	return value;
}

function describe(file) {
	const exported = require(path.join(root, file));
	// Only the classes: a file may also export constants (a credential's default Base URL).
	return Object.values(exported).filter((value) => typeof value === 'function').map((Type) => {
		const instance = new Type();
		const methods = Object.fromEntries(
			Object.entries(instance.methods ?? {}).map(([kind, named]) => [kind, Object.keys(named).sort()]),
		);
		return {
			file,
			description: sorted(instance.description ?? instance),
			methods,
			webhookMethods: Object.keys(instance.webhookMethods ?? {}).sort(),
		};
	});
}

const out = {
	credentials: n8n.credentials.flatMap(describe),
	nodes: n8n.nodes.flatMap(describe),
};
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
