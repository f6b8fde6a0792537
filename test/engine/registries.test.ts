// The lists every tool derives from: the `n8n` section of package.json and the fakes found in
// sandbox/platforms/. A platform added to one and not the other fails here, not in a long e2e run.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { credentialTypes, nodeTypes } from './harness/registry';

/* eslint-disable @typescript-eslint/no-require-imports */
const { ownPlatforms, platforms } = require('../../sandbox/registry') as {
	platforms: Array<{ name: string; credential: { type: string; id: string; name: string }; triggerCredential?: { type: string; id: string; name: string } }>;
	ownPlatforms: Array<{ name: string; credential: { type: string }; triggerCredential?: { type: string } }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

const root = path.join(__dirname, '..', '..');

/** Every credential a fake of ours offers: its API's and its trigger's. */
const offeredCredentials = () => ownPlatforms.flatMap((platform) => [platform.credential.type, ...(platform.triggerCredential ? [platform.triggerCredential.type] : [])]);

test('every credential of the package has exactly one fake in the sandbox, and every fake of ours offers its API and trigger credentials', () => {
	expect(offeredCredentials().sort()).toEqual(Object.keys(credentialTypes).sort());
	expect(ownPlatforms.every((platform) => platform.triggerCredential !== undefined)).toBe(true);
});

test('every node of the package uses a credential that a fake offers', () => {
	const offered = new Set(offeredCredentials());
	for (const [type, nodeType] of Object.entries(nodeTypes)) {
		const credentials = 'credentials' in nodeType.description ? (nodeType.description.credentials ?? []) : [];
		expect({ type, offered: credentials.every((credential) => offered.has(credential.name)) }).toEqual({ type, offered: true });
	}
});

test("the examples' credentials are the sandbox's, by type, ID and name", () => {
	const byType = new Map(
		platforms.flatMap((platform) => [platform.credential, ...(platform.triggerCredential ? [platform.triggerCredential] : [])]).map((credential) => [credential.type, credential]),
	);
	const examples = readdirSync(path.join(root, 'examples')).filter((file) => file.endsWith('.json'));
	for (const file of examples) {
		const workflow = JSON.parse(readFileSync(path.join(root, 'examples', file), 'utf8'));
		for (const node of workflow.nodes) {
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				const offered = byType.get(type);
				expect({ file, node: node.name, reference }).toEqual({ file, node: node.name, reference: { id: offered?.id, name: offered?.name } });
			}
		}
	}
});
