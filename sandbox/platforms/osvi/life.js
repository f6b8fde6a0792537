'use strict';
// How an OSVI call plays out in the sandbox: the last digit of the number picks the outcome, an
// answered call gets a transcript, and its post-call analysis (extracted data, summary) follows.
const { deliverWebhook } = require('./webhook');

/**
 * The outcome of a call depends on the last digit of the number, so tests and demos can choose
 * it: 0 → not_picked, 8 → failed, 9 → busy, anything else → picked.
 */
function outcomeFor(e164) {
	const last = e164.at(-1);
	if (last === '0') return 'not_picked';
	if (last === '8') return 'failed';
	if (last === '9') return 'busy';
	return 'picked';
}

/**
 * What the sandbox's "customer" answers: yes to yes/no questions, except opt-out questions, which a
 * number ending in 7 answers yes (so tests and demos can take either branch).
 */
function sampleValue(field, e164) {
	const format = String(field.output_format ?? '').toLowerCase();
	if (format.includes('yes') && format.includes('no')) {
		if (/opt|do_not_call|dnd/i.test(field.key)) return e164.endsWith('7') ? 'yes' : 'no';
		return 'yes';
	}
	if (format.includes('date')) return '2026-11-21 10:00';
	if (format.includes('number')) return 3;
	return `sample ${field.key}`;
}

/** The call ends with the outcome its number chooses; an answered one is analysed, then reported. */
function completeCall(fake, call) {
	const status = outcomeFor(call.phone_number);
	call.status = status;
	call.call_ended_by = status === 'picked' ? 'agent' : null;
	call.call_ended_reason = status === 'picked' ? 'conversation_completed' : status;
	if (status !== 'picked') {
		deliverWebhook(fake, call);
		return;
	}
	const request = call.request;
	const greeting = request.initial_greeting ?? `Hello${request.person_name ? ` ${request.person_name}` : ''}, this is ${call.agent_name}.`;
	call.call_picked_at = new Date().toISOString();
	call.duration_seconds = 42;
	call.transcript = [
		{ role: 'agent', content: greeting },
		{ role: 'user', content: 'Yes, that works for me.' },
		{ role: 'agent', content: 'Thank you, goodbye.' },
	];
	// Post-call analysis lands after the hang-up; the webhook fires once it is done.
	fake.timers.later(fake.analysisDelayMs, () => {
		call.data_captured = Object.fromEntries(
			(call.request.data_extraction ?? []).map((field) => [field.key, sampleValue(field, call.phone_number)]),
		);
		call.summary = `The agent spoke with ${call.request.person_name ?? 'the customer'}; the customer agreed.`;
		call.post_call_analysis = { sentiment: 'positive', outcome: 'success' };
		deliverWebhook(fake, call);
	});
}

module.exports = { completeCall, outcomeFor };
