import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const { n8n } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };

/** The light and dark icon files a node or credential source names (`file:` paths beside it). */
function iconsOf(distFile: string) {
	const source = path.join(root, distFile.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const text = readFileSync(source, 'utf8');
	const match = /icon(?::\s*Icon)?\s*[=:]\s*\{\s*light:\s*'file:([^']+)',\s*dark:\s*'file:([^']+)'/.exec(text);
	if (!match) throw new Error(`${source} names no light and dark icon`);
	return { light: path.join(path.dirname(source), match[1]), dark: path.join(path.dirname(source), match[2]) };
}

/** An icon's drawing without its colours: what tells one platform's mark from another's. */
const shapeOf = (file: string) => readFileSync(file, 'utf8').replace(/(fill|stroke)="[^"]*"/g, '');

const platformOf = (file: string) => path.basename(file).split('.')[0];

describe('icons: each platform its own mark, light and dark', () => {
	const files = [...n8n.nodes, ...n8n.credentials];

	test.each(files)('%s has a light and a dark icon that exist and differ', (file) => {
		const { light, dark } = iconsOf(file);
		expect([existsSync(light), existsSync(dark)]).toEqual([true, true]);
		expect(readFileSync(light, 'utf8')).not.toBe(readFileSync(dark, 'utf8'));
		// The dark variant draws the same mark.
		expect(shapeOf(dark)).toBe(shapeOf(light));
	});

	test('the four platforms draw four different marks, not one mark in four colours', () => {
		const marks = new Map(n8n.nodes.map((file) => [platformOf(iconsOf(file).light), shapeOf(iconsOf(file).light)]));
		expect(marks.size).toBe(4);
		expect(new Set(marks.values()).size).toBe(marks.size);
	});

	test.each(n8n.credentials)("%s shows its platform's node icon", (file) => {
		const { light } = iconsOf(file);
		const node = n8n.nodes.map((nodeFile) => iconsOf(nodeFile).light).find((icon) => platformOf(icon) === platformOf(light));
		expect(node).toBeDefined();
		expect(readFileSync(light, 'utf8')).toBe(readFileSync(node as string, 'utf8'));
	});
});
