import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const { n8n } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

/** The codex file n8n reads beside each node: categories and search aliases for the node panel. */
function codexOf(distFile: string) {
	const source = distFile.replace(/^dist\//, '').replace(/\.js$/, '.json');
	return JSON.parse(readFileSync(path.join(root, source), 'utf8')) as { node: string; categories: string[]; alias?: string[] };
}

describe('every node can be found in the node panel', () => {
	test.each(n8n.nodes)('%s has a codex file naming it, with categories and aliases', (file) => {
		const codex = codexOf(file);
		const nodeName = path.basename(file).split('.')[0];
		expect(codex.node.toLowerCase()).toBe(`n8n-nodes-voice-agents.${nodeName}`.toLowerCase());
		// n8n's editor treats the "AI" category as AI sub-nodes and hides them from the panel's search.
		expect(codex.categories).not.toContain('AI');
		expect(codex.categories).toContain('Communication');
		expect(codex.alias).toEqual(expect.arrayContaining(['Call', 'Phone', 'Voice Agent']));
	});
});
