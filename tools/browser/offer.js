'use strict';
// What this package offers in the editor, read from its built nodes and codex files (never a
// hand-kept list): nodes, each action node's operations with the texts the node panel shows,
// triggers, and the search aliases of the codex files.
const fs = require('node:fs');

const { builtNodeDescriptions, packageFiles } = require('../package/manifest');

const isTrigger = (description) => description.group.includes('trigger');

/** The name the node panel lists a node under: n8n shows a trigger beside its app's action node. */
const appName = (description) => description.displayName.replace(/ Trigger$/, '');

/** Every operation of an action node as the node panel shows it: its action text, resource and operation names. */
function operationsOf(description) {
	const resources = description.properties.find((property) => property.name === 'resource')?.options ?? [];
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			property.options.map((option) => ({
				action: option.action,
				operation: option.name,
				resource: resources.find((resource) => property.displayOptions.show.resource.includes(resource.value)).name,
			})),
		);
}

/** The codex aliases of every node, by full type name. */
function aliases() {
	return Object.fromEntries(
		packageFiles('nodes').map(({ source }) => {
			const codex = JSON.parse(fs.readFileSync(source.replace(/\.ts$/, '.json'), 'utf8'));
			return [codex.node, codex.alias ?? []];
		}),
	);
}

/** The package's nodes, each with what the editor shows of it. */
function packageOffer() {
	const aliasesByType = aliases();
	return Object.entries(builtNodeDescriptions()).map(([type, description]) => ({
		type,
		displayName: description.displayName,
		app: appName(description),
		trigger: isTrigger(description),
		operations: isTrigger(description) ? [] : operationsOf(description),
		aliases: aliasesByType[type] ?? [],
	}));
}

/** The apps the node panel should list for `query`: those with a node whose codex has it as an alias. */
function appsWithAlias(offer, query) {
	const wanted = query.toLowerCase();
	return [...new Set(offer.filter((node) => node.aliases.some((alias) => alias.toLowerCase() === wanted)).map((node) => node.app))];
}

module.exports = { appsWithAlias, packageOffer };
