// This package's node and credential types, loaded from their TypeScript sources: the files the
// `n8n` section of package.json lists (built paths, mapped back to sources by tools/package), so a
// new node or credential is here as soon as package.json lists it. n8n's node registry, in small.
import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, IDataObject, INode, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../../../tools/package/manifest') as {
	PACKAGE: string;
	packageFiles(kind: 'nodes' | 'credentials'): Array<{ dist: string; source: string }>;
};

export const PACKAGE = manifest.PACKAGE;

/** An instance of every class the listed source files export. */
function instancesOf<T>(kind: 'nodes' | 'credentials'): T[] {
	return manifest.packageFiles(kind).flatMap(({ source }) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, unknown>;
		return Object.values(exported)
			.filter((value): value is new () => T => typeof value === 'function')
			.map((Type) => new Type());
	});
}

/** Node types by full name, e.g. `n8n-nodes-voice-agents.osviTrigger`. */
export const nodeTypes: Record<string, INodeType | IVersionedNodeType> = Object.fromEntries(
	instancesOf<INodeType>('nodes').map((nodeType) => [`${PACKAGE}.${nodeType.description.name}`, nodeType]),
);

/** Credential types by name, e.g. `osviApi`. */
export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	instancesOf<ICredentialType>('credentials').map((credentialType) => [credentialType.name, credentialType]),
);

const toolTypes = new Map<string, INodeType>();

/**
 * A node wired to an AI Agent as a tool, as n8n makes it (convertNodeToAiTool): the same node
 * under its name plus "Tool" (osvi → osviTool), so that `@tool` display options hold.
 */
function asTool(type: string): INodeType | undefined {
	const base = nodeTypes[type.slice(0, -'Tool'.length)] as INodeType | undefined;
	if (!base) return undefined;
	if (!toolTypes.has(type)) {
		const tool = Object.create(base) as INodeType;
		tool.description = { ...base.description, name: `${base.description.name}Tool`, displayName: `${base.description.displayName} Tool` };
		toolTypes.set(type, tool);
	}
	return toolTypes.get(type);
}

export class TestNodeTypes implements INodeTypes {
	getByName(type: string) {
		const nodeType = nodeTypes[type] ?? (type.endsWith('Tool') ? asTool(type) : undefined);
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

/** A node of this package as a workflow holds it, with a reference to each credential it is given. */
export function nodeUnderTest(
	fields: Pick<INode, 'id' | 'name' | 'type'> & Partial<INode>,
	parameters: IDataObject,
	credentials: Record<string, unknown>,
): INode {
	return {
		typeVersion: 1,
		position: [0, 0],
		...fields,
		type: `${PACKAGE}.${fields.type}`,
		parameters: parameters as INode['parameters'],
		credentials: Object.fromEntries(Object.keys(credentials).map((name) => [name, { id: `${name}-id`, name }])),
	};
}
