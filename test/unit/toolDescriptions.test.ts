// What an AI Agent (and a person choosing an operation) reads about each operation: the Operation
// field's option descriptions say what it does, what it needs and what it returns, in two sentences.
import type { INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { isToolRun } from '../../nodes/shared/calling/guardrails';
import { nodeTypes } from '../engine/harness/registry';

const toolNodes = Object.values(nodeTypes)
	.map((nodeType) => (nodeType as INodeType).description)
	.filter((description) => description.usableAsTool);

/** The fields an operation cannot run without: required, shown for the operation whatever else is set. */
function neededFields(properties: INodeProperties[], resource: string, operation: string): string[] {
	return properties
		.filter((property) => {
			const show = property.displayOptions?.show ?? {};
			const onlyResourceAndOperation = Object.keys(show).every((key) => key === 'resource' || key === 'operation');
			return property.required && onlyResourceAndOperation && show.resource?.includes(resource) && show.operation?.includes(operation);
		})
		.map((property) => property.displayName.replace(/ Name or ID$/, ''));
}

const operations = toolNodes.flatMap((description) =>
	description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((field) =>
			(field.options as INodePropertyOptions[]).map((option) => {
				const resource = String(field.displayOptions?.show?.resource?.[0]);
				return { node: description.displayName, resource, operation: String(option.value), text: option.description ?? '', needs: neededFields(description.properties, resource, String(option.value)) };
			}),
		),
);

test('every action node is usable as a tool, and its name does not end in "Tool" (n8n adds it to tell a tool run)', () => {
	expect(toolNodes.map((description) => description.name).sort()).toEqual(['klenAi', 'osvi', 'unleashX', 'voiceOs']);
	for (const description of toolNodes) expect(description.name.endsWith('Tool')).toBe(false);
	expect(operations.length).toBeGreaterThanOrEqual(30);
});

describe.each(operations)('$node › $resource › $operation', ({ text, needs }) => {
	test('says what it does and what it returns, in two sentences of at most 300 characters', () => {
		const sentences = text.split(/(?<=\.) (?=[A-Z])/);
		expect(sentences).toHaveLength(2);
		expect(sentences[1]).toMatch(/^Returns .+\.$/);
		expect(text.length).toBeLessThanOrEqual(300);
	});

	test('names every field it needs', () => {
		for (const field of needs) expect(text.toLowerCase()).toContain(field.toLowerCase());
	});
});

describe('isToolRun: a node wired to an AI Agent', () => {
	const context = (type: string, isToolExecution?: () => boolean) => ({ getNode: () => ({ type }), isToolExecution }) as never;

	test.each([
		['n8n-nodes-voice-agents.osviTool', undefined, true],
		['n8n-nodes-voice-agents.osvi', undefined, false],
		// n8n 2.x has isToolExecution() (true only for agents before v3); 1.x has none.
		['n8n-nodes-voice-agents.osvi', () => true, true],
		['n8n-nodes-voice-agents.osviTool', () => false, true],
		['n8n-nodes-voice-agents.osvi', () => false, false],
	])('%s, isToolExecution %s → %s', (type, isToolExecution, expected) => {
		expect(isToolRun(context(type, isToolExecution))).toBe(expected);
	});
});
