// n8n's own package scan (@n8n/scan-community-package: what n8n's verification and n8n Cloud
// apply) on this package before it is published. The scanner's command line takes only a
// published name: it checks the version's npm provenance, fetches the source commit the provenance
// names, downloads the tarball and lints both. Here the same analysis runs from the scanner's own
// package (its `analyzePackage`, its ESLint configuration and rule versions) on the same two
// legs: the source files it lints (its SOURCE_FILE_PATTERNS, from this repository) and the packed
// tarball (its `**/*.js` and package.json). The provenance check needs a published version: the
// publish workflow (.github/workflows/publish.yml) makes one with provenance.
const path = require('node:path');

const { packAndUnpack } = require('../tools/package/pack');

const root = path.join(__dirname, '..');

async function main() {
	// The scanner makes a temporary folder when loaded; have it removed when this process exits.
	require('tmp').setGracefulCleanup();
	const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	const { dir, tarball, cleanup } = packAndUnpack();
	try {
		const legs = [
			{ name: 'source', result: await scanner.analyzePackage(root, scanner.SOURCE_FILE_PATTERNS) },
			{ name: `tarball ${path.basename(tarball)}`, result: await scanner.analyzePackage(dir, ['**/*.js', 'package.json']) },
		];
		for (const { name, result } of legs) {
			if (result.details) console.log(result.details);
			console.log(`@n8n/scan-community-package on the ${name}: ${result.passed ? 'passed' : `failed (${result.message})`}`);
		}
		if (!legs.every(({ result }) => result.passed)) process.exitCode = 1;
	} finally {
		cleanup();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
