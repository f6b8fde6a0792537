// What users install: the packed tarball, loaded with nothing but n8n-workflow beside it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const pkg = require(path.join(root, 'package.json'));

describe('package.json', () => {
	test('is a community node package with no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-voice-agents');
		expect(pkg.license).toBe('MIT');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.dependencies).toBeUndefined();
		expect(Object.keys(pkg.peerDependencies)).toEqual(['n8n-workflow']);
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	test('lists every node and credential source file', () => {
		const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file: string) =>
			file.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
		);
		const sources = execFileSync('git', ['ls-files', 'nodes/**/*.node.ts', 'credentials/*.credentials.ts'], {
			cwd: root,
			encoding: 'utf8',
		})
			.trim()
			.split('\n');
		expect(listed.sort()).toEqual(sources.sort());
	});
});

describe('the packed tarball', () => {
	let result: {
		files: Record<string, { class: string; name: string }>;
		phoneMetadataLoaded: boolean;
		timeZoneDataLoaded: boolean;
		timeZoneDataLoadedAfterPhoneCheck: boolean;
		timeZoneDataLoadedAfterCallingHours: boolean;
		firstCallingHoursCheck: string;
		dependencies: unknown;
		firstPhoneCheck: string;
	};

	beforeAll(() => {
		if (!existsSync(path.join(root, 'dist'))) throw new Error('Run `npm run build` first (npm test does).');
		const output = execFileSync(process.execPath, [path.join(root, 'tools/package/load-check.js'), '--phone'], {
			cwd: root,
			encoding: 'utf8',
		});
		result = JSON.parse(output.trim().split('\n').pop()!);
	}, 60000);

	test('every file of the n8n section loads with only n8n-workflow resolvable', () => {
		expect(Object.keys(result.files).sort()).toEqual([...pkg.n8n.credentials, ...pkg.n8n.nodes].sort());
		expect(result.files['dist/nodes/Osvi/Osvi.node.js']).toMatchObject({ class: 'Osvi', name: 'osvi' });
		expect(result.files['dist/credentials/OsviApi.credentials.js']).toMatchObject({ class: 'OsviApi', name: 'osviApi' });
		expect(result.dependencies).toBeNull();
	});

	test('phone metadata stays out of start-up and loads on first use', () => {
		expect(result.phoneMetadataLoaded).toBe(false);
		expect(result.firstPhoneCheck).toBe('+919876543210');
	});

	test('the phone-number time-zone table stays out of start-up and phone checks: only a Calling Hours check loads it', () => {
		expect(result.timeZoneDataLoaded).toBe(false);
		expect(result.timeZoneDataLoadedAfterPhoneCheck).toBe(false);
		expect(result.firstCallingHoursCheck).toBe('America/New_York 2026-03-10T06:00:00-04:00');
		expect(result.timeZoneDataLoadedAfterCallingHours).toBe(true);
	});
});
