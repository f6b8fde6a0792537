import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const folder = path.join(__dirname, '..', '..', 'examples');

interface WorkflowNode {
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}
interface Workflow {
	id: string;
	nodes: WorkflowNode[];
	pinData?: Record<string, unknown[]>;
}

const examples = readdirSync(folder)
	.filter((file) => file.endsWith('.json'))
	.map((file) => [file, JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Workflow] as const);

const STICKY = 'n8n-nodes-base.stickyNote';
/** The size n8n's canvas draws a node with its label below it (default nodes: 100 × 100, label about 40 more). */
const NODE = { width: 100, height: 140 };

describe('examples explain themselves and can be tried in the editor', () => {
	test.each(examples)('%s has a sticky note saying what it does and how to try it', (_file, workflow) => {
		const notes = workflow.nodes.filter((node) => node.type === STICKY).map((node) => String(node.parameters.content));
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.join('\n')).toMatch(/Try it/);
		expect(notes.join('\n')).toMatch(/Set up/);
	});

	test.each(examples)('%s: every Webhook node holds a pinned sample, and the note posts to its path', (_file, workflow) => {
		const notes = workflow.nodes.filter((node) => node.type === STICKY).map((node) => String(node.parameters.content)).join('\n');
		for (const webhook of workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook')) {
			const [sample] = workflow.pinData?.[webhook.name] ?? [];
			expect({ webhook: webhook.name, body: (sample as { json?: { body?: unknown } })?.json?.body }).toEqual({ webhook: webhook.name, body: expect.any(Object) });
			expect(notes).toContain(`/webhook/${String(webhook.parameters.path)} `);
		}
	});

	test.each(examples)('%s: its triggers are version 2 and hold no secret: a shared secret comes from the trigger credential', (_file, workflow) => {
		const triggers = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-voice-agents.') && node.type.endsWith('Trigger'));
		for (const trigger of triggers) {
			const credentialTypes = Object.keys(trigger.credentials ?? {});
			expect({ trigger: trigger.name, version: trigger.typeVersion, parameters: Object.keys(trigger.parameters).filter((name) => /secret/i.test(name)) }).toEqual({
				trigger: trigger.name,
				version: 2,
				parameters: [],
			});
			if (trigger.parameters.authentication === 'sharedSecret') expect(credentialTypes).toEqual([expect.stringMatching(/TriggerApi$/)]);
		}
	});

	test.each(examples)('%s: no two nodes, nor a note and a node, overlap on the canvas', (_file, workflow) => {
		const box = (node: WorkflowNode) =>
			node.type === STICKY
				? { x: node.position[0], y: node.position[1], width: Number(node.parameters.width), height: Number(node.parameters.height) }
				: { x: node.position[0], y: node.position[1], ...NODE };
		const overlap = (a: ReturnType<typeof box>, b: ReturnType<typeof box>) =>
			a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
		const clashes: string[] = [];
		workflow.nodes.forEach((a, index) => {
			for (const b of workflow.nodes.slice(index + 1)) {
				if (a.type === STICKY && b.type === STICKY) continue;
				if (overlap(box(a), box(b))) clashes.push(`${a.name} / ${b.name}`);
			}
		});
		expect(clashes).toEqual([]);
	});
});
