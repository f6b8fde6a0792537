'use strict';
// The benchmark's workflows: each starts from a webhook (a running n8n, warm as in production),
// makes its rows with a Set and a Split Out node, and hands them to the nodes measured. Our node
// against what a user would build from n8n's own nodes for the same work.
const { name: PACKAGE } = require('../../package.json');

const AGENT = 'agent_SandboxReminder01';
const HEADER_AUTH = { id: 'benchHeaderAuth01', name: 'OSVI token (Header Auth)' };

const phoneOf = (index) => `9${String(100000000 + index).padStart(9, '0')}`;
const rows = (count) => Array.from({ length: count }, (_, index) => ({ name: `Contact ${index}`, phone: phoneOf(index) }));

/** The Header Auth credential a user would make for the HTTP Request node. */
function headerAuthCredential(token) {
	return { ...HEADER_AUTH, type: 'httpHeaderAuth', data: { name: 'API-Token', value: token } };
}

function osviStep(name, osviCredential, parameters) {
	return {
		name,
		type: `${PACKAGE}.osvi`,
		typeVersion: 1,
		credentials: { osviApi: { id: osviCredential.id, name: osviCredential.name } },
		parameters,
	};
}

/** n8n's HTTP Request node with a Header Auth credential; `options` as the node's Options (batching…). */
function httpStep(name, url, jsonBody, options = {}) {
	return {
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		credentials: { httpHeaderAuth: HEADER_AUTH },
		parameters: {
			method: 'POST',
			url,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options,
		},
	};
}

/** A user's best effort for bulk contacts: a Code node groups the rows into requests of 10,000. */
function codeBatchStep(name) {
	const code = [
		`const contacts = $input.all().map((item) => ({ person_name: item.json.name, phone: '+91' + item.json.phone }));`,
		'const requests = [];',
		`for (let start = 0; start < contacts.length; start += 10000) requests.push({ json: { agent_uuid: '${AGENT}', contacts: contacts.slice(start, start + 10000) } });`,
		'return requests;',
	].join('\n');
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: code } };
}

/** Webhook → Rows → Split Out → steps; the webhook answers once the last node is done. */
function benchWorkflow(id, count, steps) {
	const nodes = [
		{ id: `${id}-hook`, name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, webhookId: id, parameters: { httpMethod: 'POST', path: id, responseMode: 'lastNode', responseData: 'noData', options: {} } },
		{ id: `${id}-rows`, name: 'Rows', type: 'n8n-nodes-base.set', typeVersion: 3.4, parameters: { mode: 'raw', jsonOutput: JSON.stringify({ rows: rows(count) }), options: {} } },
		{ id: `${id}-split`, name: 'Split Rows', type: 'n8n-nodes-base.splitOut', typeVersion: 1, parameters: { fieldToSplitOut: 'rows', include: 'noOtherFields', options: {} } },
		...steps.map((step, index) => ({ id: `${id}-step${index}`, ...step })),
	].map((node, index) => ({ position: [index * 200, 0], ...node }));
	const connections = {};
	for (let index = 0; index < nodes.length - 1; index++) connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	return { id, name: `Bench: ${id}`, active: false, settings: { executionOrder: 'v1' }, nodes, connections, pinData: {} };
}

/**
 * The variants measured, by workflow ID (≤ 21 characters); `measured`: the nodes whose execution
 * time counts (rows are made outside the measurement).
 */
function benchWorkflows(sandboxUrl, osviCredential, { calls, contacts, concurrency, batchIntervalMs }) {
	const callUrl = `${sandboxUrl}/osvi/v1/call`;
	const callBody = `={{ JSON.stringify({ agent_uuid: "${AGENT}", phone_number: $json.phone, country_code: "IN" }) }}`;
	const initiate = (requestOptions) => ({ resource: 'call', operation: 'initiate', agent: { __rl: true, mode: 'id', value: AGENT }, phoneNumber: '={{ $json.phone }}', country: 'IN', requestOptions });
	return {
		callsOurs: { measured: ['Work'], workflow: benchWorkflow('benchCallsOurs', calls, [osviStep('Work', osviCredential, initiate({ concurrency }))]) },
		callsOursDefault: { measured: ['Work'], workflow: benchWorkflow('benchCallsOursDefault', calls, [osviStep('Work', osviCredential, initiate({}))]) },
		callsHttp: { measured: ['Work'], workflow: benchWorkflow('benchCallsHttp', calls, [httpStep('Work', callUrl, callBody)]) },
		callsHttpBatched: {
			measured: ['Work'],
			workflow: benchWorkflow('benchCallsHttpBatch', calls, [httpStep('Work', callUrl, callBody, { batching: { batch: { batchSize: concurrency, batchInterval: batchIntervalMs } } })]),
		},
		contactsOurs: {
			measured: ['Work'],
			workflow: benchWorkflow('benchContactsOurs', contacts, [
				osviStep('Work', osviCredential, { resource: 'campaign', operation: 'addContacts', campaignId: 101, agent: { __rl: true, mode: 'id', value: AGENT }, nameField: 'name', phoneField: 'phone', country: 'IN', promptVariables: 'none' }),
			]),
		},
		contactsCode: {
			measured: ['Group', 'Work'],
			workflow: benchWorkflow('benchContactsCode', contacts, [codeBatchStep('Group'), httpStep('Work', `${sandboxUrl}/osvi/v1/campaigns/101/contacts`, '={{ JSON.stringify($json) }}')]),
		},
	};
}

module.exports = { benchWorkflows, headerAuthCredential };
