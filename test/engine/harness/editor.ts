// The editor's methods of a node: list searches and load options, run as the editor runs them
// (n8n-core's LoadOptionsContext), e.g. the agent picker.
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { additionalDataFor } from './additionalData';
import { nodeUnderTest, TestNodeTypes } from './registry';

export async function runEditorMethod(
	type: string,
	kind: 'listSearch' | 'loadOptions',
	method: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	filter?: string,
) {
	const node = nodeUnderTest({ id: 'editor-node', name: 'Editor Node', type }, {}, credentials);
	const workflow = new Workflow({ id: 'editor', nodes: [node], connections: {}, active: false, nodeTypes: new TestNodeTypes() });
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(credentials), '');
	const nodeType = new TestNodeTypes().getByNameAndVersion(node.type, 1) as unknown as {
		methods: Record<string, Record<string, (this: unknown, filter?: string) => Promise<unknown>>>;
	};
	return await nodeType.methods[kind][method].call(context, filter);
}
