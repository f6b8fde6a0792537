// `node --require tools/ts-register.js script.ts`: compiles every .ts file Node loads with esbuild
// (types stripped, one file at a time, as the project's isolatedModules setting allows).
const esbuild = require('esbuild');
const fs = require('node:fs');
const Module = require('node:module');

function compileTs(module, filename) {
	const { code } = esbuild.transformSync(fs.readFileSync(filename, 'utf8'), {
		loader: 'ts',
		format: 'cjs',
		target: 'node20',
		sourcefile: filename,
	});
	module._compile(code, filename);
}

// .ts is tried first: `./Osvi.node` means Osvi.node.ts, not the codex file Osvi.node.json beside it.
const others = { ...Module._extensions };
for (const extension of Object.keys(others)) delete Module._extensions[extension];
Object.assign(Module._extensions, { '.ts': compileTs }, others);
