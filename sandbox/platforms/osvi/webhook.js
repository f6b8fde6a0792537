'use strict';
// OSVI's post-call webhook: the current payload, or the older one, POSTed to the call's webhook_url.
const { postJson } = require('../../core/http');

function webhookPayload(call, shape) {
	if (shape === 'legacy') {
		return {
			agent_name: call.agent_name,
			agent_uuid: call.agent_uuid,
			phone_number: call.phone_number,
			call_log_id: call.call_id,
			chat: call.transcript.map((turn) => `${turn.role}: ${turn.content}`).join('\n'),
			call_status: call.status,
			executionMode: 'prod',
		};
	}
	const payload = {
		call_log_id: call.call_id,
		phone_number: call.phone_number,
		agent_name: call.agent_name,
		call_status: call.status,
		call_type: call.call_type,
		call_summary: call.summary ?? undefined,
		data_capture: Object.keys(call.data_captured).length ? call.data_captured : undefined,
		structured_output: Object.keys(call.post_call_analysis).length ? call.post_call_analysis : undefined,
		call_trigger_data: call.request,
	};
	return JSON.parse(JSON.stringify(payload));
}

/**
 * OSVI posts only for answered calls once analysis is done (current shape); the older shape
 * carried every final status, so the legacy mode posts for all of them.
 */
async function deliverWebhook(fake, call) {
	const url = call.request.webhook_url;
	if (!url) return;
	if (fake.webhookShape === 'current' && call.status !== 'picked') return;
	const body = webhookPayload(call, fake.webhookShape);
	const result = await postJson(url, body, fake.webhookHeaders, fake.webhookTimeoutMs);
	fake.webhookDeliveries.push({ url, body, headers: fake.webhookHeaders, ...result, at: new Date().toISOString() });
}

module.exports = { deliverWebhook };
