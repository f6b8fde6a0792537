// What the editor shows of a node: its top-level fields and credentials for given values and
// version, decided by n8n-workflow's own displayOptions rules (the ones the editor applies).
import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE, TestNodeTypes } from './registry';

function describe(type: string, typeVersion: number): INodeTypeDescription {
	return new TestNodeTypes().getByNameAndVersion(`${PACKAGE}.${type}`, typeVersion).description;
}

/** The node's parameters with defaults for what `values` leaves out, as the editor fills them in. */
function withDefaults(description: INodeTypeDescription, typeVersion: number, values: INodeParameters): INodeParameters {
	return NodeHelpers.getNodeParameters(description.properties, values, true, false, { typeVersion } as never, description) ?? values;
}

/** The names of the top-level fields the editor shows, in order (`credentials` marks where the credential selectors go). */
export function visibleFields(type: string, typeVersion: number, values: INodeParameters = {}): string[] {
	const description = describe(type, typeVersion);
	const parameters = withDefaults(description, typeVersion, values);
	return description.properties
		.filter((property) => NodeHelpers.displayParameter(parameters, property, { typeVersion }, description))
		.map((property) => property.name);
}

/** The credentials the editor offers for these values. */
export function visibleCredentials(type: string, typeVersion: number, values: INodeParameters = {}): string[] {
	const description = describe(type, typeVersion);
	const parameters = withDefaults(description, typeVersion, values);
	return (description.credentials ?? [])
		.filter((credential) => NodeHelpers.displayParameter(parameters, credential, { typeVersion }, description))
		.map((credential) => credential.name);
}
