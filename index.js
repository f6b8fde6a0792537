// Programmatic entry point: the node and credential classes of the built package.
// n8n itself loads the files listed in package.json's "n8n" section.
module.exports = {
	...require('./dist/nodes/Osvi/Osvi.node.js'),
	...require('./dist/nodes/Osvi/OsviTrigger.node.js'),
	...require('./dist/credentials/OsviApi.credentials.js'),
};
