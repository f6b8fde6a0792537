'use strict';
// What this package gives n8n, read from the one place that lists it: the `n8n` section of
// package.json (built files under dist/). The engine tests load the TypeScript sources behind it;
// tools that drive a real n8n read the built nodes' descriptions.
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'package.json'));

/** `dist/nodes/Osvi/Osvi.node.js` → `nodes/Osvi/Osvi.node.ts` (both relative to the package root). */
const sourceOf = (distFile) => distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts');

/** The node or credential files the n8n section lists, as absolute built and source paths. */
function packageFiles(kind) {
	return pkg.n8n[kind].map((file) => ({ dist: path.join(root, file), source: path.join(root, sourceOf(file)) }));
}

/** The built nodes' descriptions by full type name (`n8n-nodes-voice-agents.osviTrigger`), as n8n loads them. */
function builtNodeDescriptions() {
	const descriptions = {};
	for (const { dist } of packageFiles('nodes')) {
		for (const NodeType of Object.values(require(dist))) {
			const { description } = new NodeType();
			descriptions[`${pkg.name}.${description.name}`] = description;
		}
	}
	return descriptions;
}

module.exports = { PACKAGE: pkg.name, root, sourceOf, packageFiles, builtNodeDescriptions };
