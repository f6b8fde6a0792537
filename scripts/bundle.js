// Replaces the compiled vendor modules with bundles that contain zod and libphonenumber-js, so
// the published package has no runtime dependencies: n8n installs community packages without
// their dependency tree being trusted, and the package scanner rejects runtime dependencies.
const esbuild = require('esbuild');
const path = require('node:path');

const root = path.join(__dirname, '..');
const vendors = ['zod', 'phone'];

async function main() {
	for (const name of vendors) {
		await esbuild.build({
			entryPoints: [path.join(root, 'nodes/shared/vendor', `${name}.ts`)],
			outfile: path.join(root, 'dist/nodes/shared/vendor', `${name}.js`),
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: 'node18',
			legalComments: 'inline',
			logLevel: 'warning',
		});
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
