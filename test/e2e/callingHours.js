'use strict';
// Call → Wait for Calling Hours in a real n8n, shared by waiting.e2e.test.js (regular mode) and
// queueHold.js (queue mode): a workflow that answers its webhook with the execution's ID, holds the
// item until Custom hours open, then places the call under the same hours; and hours that open soon.
const { byId, webhookChain } = require('./workflows');

/**
 * Custom hours that open 80 to 140 s from now (long enough for n8n's durable wait, which n8n's
 * Wait node would sleep through below 65 s), in a zone where they do not cross midnight.
 */
function hoursOpeningSoon() {
	const opensAt = Math.ceil((Date.now() + 80_000) / 60_000) * 60_000;
	const local = (zone) => new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(opensAt);
	const zone = ['UTC', 'Etc/GMT-12', 'Etc/GMT+12'].find((candidate) => local(candidate) < '23:30');
	const [hour, minute] = local(zone).split(':').map(Number);
	const end = hour * 60 + minute + 20;
	const hours = `${local(zone)}-${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
	return { opensAt, zone, hours };
}

/** Webhook at `path` → its answer, the execution's ID → Wait for Calling Hours → Initiate, with the same hours. */
function holdWorkflow(id, path) {
	const callingRules = { callingHours: 'custom', customHours: '={{ $json.body.hours }}', calleeTimeZone: '={{ $json.body.zone }}' };
	const workflow = webhookChain(id, path, [
		{ name: 'Answer', type: 'n8n-nodes-base.respondToWebhook', typeVersion: 1.1, parameters: { respondWith: 'json', responseBody: '={{ JSON.stringify({ execution: $execution.id }) }}', options: {} } },
		{ name: 'Hold', type: 'osvi', parameters: { resource: 'call', operation: 'waitForCallingHours', phoneNumber: '={{ $json.body.phone }}', country: 'IN', callingRules } },
		{ name: 'Call', type: 'osvi', parameters: { resource: 'call', operation: 'initiate', agent: byId('agent_SandboxReminder01'), phoneNumber: '={{ $json.body.phone }}', country: 'IN', callingRules } },
	]);
	workflow.nodes[0].parameters.responseMode = 'responseNode';
	return workflow;
}

/** Starts the hold workflow at `url` (…/webhook/<path>) for `phone`; answers the execution's ID and when the hours open. */
async function startHold(url, phone) {
	const { opensAt, zone, hours } = hoursOpeningSoon();
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone, zone, hours }) });
	const { execution } = await response.json();
	return { execution, opensAt, zone, hours };
}

module.exports = { holdWorkflow, startHold };
