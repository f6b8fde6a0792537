import { NodeHelpers, Workflow } from 'n8n-workflow';
import type { INode, INodeType, INodeTypes } from 'n8n-workflow';

import { KlenAiTrigger } from '../../nodes/KlenAi/KlenAiTrigger.node';
import { Osvi } from '../../nodes/Osvi/Osvi.node';
import { UnleashX } from '../../nodes/UnleashX/UnleashX.node';
import { VoiceOsTrigger } from '../../nodes/VoiceOs/VoiceOsTrigger.node';

/** The subtitle as n8n's editor shows it on the canvas: the expression evaluated against the node's parameters. */
function canvasSubtitle(nodeType: INodeType, parameters: INode['parameters']): unknown {
	const node: INode = {
		id: '1',
		name: 'Node',
		type: `test.${nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const withDefaults = NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, node, nodeType.description);
	node.parameters = withDefaults ?? parameters;
	return workflow.expression.getSimpleParameterValue(node, nodeType.description.subtitle!, 'internal', {});
}

describe('canvas subtitles read like n8n\'s own nodes', () => {
	test.each([
		[{ resource: 'call', operation: 'getTranscript' }, 'Call: Get Transcript'],
		[{ resource: 'call', operation: 'initiate' }, 'Call: Initiate'],
		[{ resource: 'dnd', operation: 'add' }, 'Do Not Disturb: Add'],
		[{ resource: 'campaign', operation: 'addContacts' }, 'Campaign: Add Contacts'],
		[{}, 'Call: Initiate'],
	])('OSVI %j → %s', (parameters, expected) => {
		expect(canvasSubtitle(new Osvi(), parameters)).toBe(expected);
	});

	test('UnleashX Make Call', () => {
		expect(canvasSubtitle(new UnleashX(), { resource: 'call', operation: 'makeCall' })).toBe('Call: Make Call');
	});

	test('triggers name their events', () => {
		expect(canvasSubtitle(new KlenAiTrigger(), { events: ['call.ended', 'call.failed'] })).toBe('On call ended, call failed');
		expect(canvasSubtitle(new VoiceOsTrigger(), { events: ['conversation:ended'] })).toBe('On conversation ended');
	});
});
