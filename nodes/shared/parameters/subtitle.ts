import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Canvas subtitles that read like n8n's own nodes ("Call: Get Transcript", "On call ended")
 * instead of raw option values. n8n evaluates a subtitle as an expression in the editor, so the
 * names are looked up there from a table built here out of the node's own option lists.
 */

function optionNames(property: INodeProperties | undefined): Record<string, string> {
	const options = (property?.options ?? []) as INodePropertyOptions[];
	return Object.fromEntries(options.map((option) => [String(option.value), option.name]));
}

/** "Resource: Operation" by display names, for a node with `resource` and `operation` fields. */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const resources = optionNames(properties.find((property) => property.name === 'resource'));
	const names: Record<string, string> = {};
	for (const property of properties.filter((candidate) => candidate.name === 'operation')) {
		const shownFor = (property.displayOptions?.show?.resource ?? []) as string[];
		for (const [value, name] of Object.entries(optionNames(property))) {
			for (const resource of shownFor) names[`${resource}:${value}`] = `${resources[resource] ?? resource}: ${name}`;
		}
	}
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}

/**
 * "On call ended, call failed" from a multi-options `events` field: the event values with their
 * separators (".", ":", "_") read as spaces. Plain string calls only, which every n8n expression
 * engine evaluates.
 */
export function eventsSubtitle(): string {
	return '={{ "On " + $parameter["events"].join(", ").replaceAll(".", " ").replaceAll(":", " ").replaceAll("_", " ") }}';
}
