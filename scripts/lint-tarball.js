// Runs the package scanner's rules (@n8n/eslint-plugin-community-nodes, recommended config, as
// they are) over the JavaScript and package.json of the packed tarball: what users download is
// what is checked, bundled libraries included.
const { ESLint } = require('eslint');
const path = require('node:path');

const { packAndUnpack } = require('../tools/package/pack');

async function main() {
	const communityNodes = require('@n8n/eslint-plugin-community-nodes');
	const plugin = communityNodes.default ?? communityNodes;
	const jsonParser = require('jsonc-eslint-parser');
	const { dir, tarball, cleanup } = packAndUnpack();
	try {
		const eslint = new ESLint({
			cwd: dir,
			overrideConfigFile: true,
			overrideConfig: [
				{ ...plugin.configs.recommended, files: ['**/*.js'] },
				{ ...plugin.configs.recommended, files: ['package.json'], languageOptions: { parser: jsonParser } },
			],
		});
		const results = await eslint.lintFiles(['**/*.js', 'package.json']);
		const formatter = await eslint.loadFormatter('stylish');
		const text = formatter.format(results);
		const problems = results.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
		const files = results.length;
		if (text) console.log(text);
		console.log(`Scanner rules on ${path.basename(tarball)}: ${files} files, ${problems} problems.`);
		if (problems > 0 || files === 0) process.exitCode = 1;
	} finally {
		cleanup();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
