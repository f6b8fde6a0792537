// The committed tree is whole: no file holds the markers an unresolved merge leaves behind.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const MARKER = /^(<{7}|>{7}) |^={7}$/m;

test('no tracked text file holds merge-conflict markers', () => {
	const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' })
		.split('\n')
		.filter((file) => /\.(ts|js|json|md|yml|yaml)$/.test(file));
	expect(files.length).toBeGreaterThan(50);
	const marked = files.filter((file) => MARKER.test(readFileSync(path.join(root, file), 'utf8')));
	expect(marked).toEqual([]);
});
