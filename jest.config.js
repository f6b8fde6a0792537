// Every engine test runs on both n8n lines: n8n-core 2.x (the project's n8n-core) and n8n-core 1.x
// (installed under the alias n8n-core-v1, with its n8n-workflow as n8n-workflow-v1), as users run
// the package on both. The 1.x project maps the two packages for the nodes and for n8n-core alike,
// so one copy of n8n-workflow is in play, as in a real n8n.
/** @type {import('jest').Config} */
const common = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
	},
};

module.exports = {
	testTimeout: 30000,
	// n8n-core 1.x keeps a handle open once its execution engine has run (even a run of a few
	// Get requests leaves jest waiting forever after the last test): every test file closes what it
	// starts (sandbox, servers), so the run ends when the tests do.
	forceExit: true,
	reporters: ['default', ['<rootDir>/tools/count-reporter.js', { name: 'jest' }]],
	projects: [
		{ ...common, displayName: 'n8n-core 2.x', testMatch: ['**/*.test.ts'] },
		{
			...common,
			displayName: 'n8n-core 1.x',
			testMatch: ['<rootDir>/test/engine/**/*.test.ts'],
			moduleNameMapper: {
				'^n8n-core$': '<rootDir>/node_modules/n8n-core-v1',
				'^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow-v1',
			},
		},
	],
};
