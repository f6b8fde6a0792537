// Programmatic entry point: the node and credential classes of the built package.
// n8n itself loads the files listed in package.json's "n8n" section.
const pkg = require('./package.json');

module.exports = Object.assign(
	{},
	...[...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => require(`./${file}`)),
);
