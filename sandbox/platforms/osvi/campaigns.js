'use strict';
// OSVI campaigns: contact uploads (≤ 10,000 a request, de-duplicated by phone, DND numbers
// skipped, optionally enqueued as calls) and the campaign's status with its uploads and queues.
const { ownAgent } = require('./agents');
const { failure, invalid, isPlainObject, ok } = require('./answers');
const { newCall } = require('./calls');
const { isOnDnd, normalisePhone } = require('./dnd');

function seedCampaigns() {
	return new Map([
		[101, { id: 101, name: 'November Reminders', status: 'active', is_retry_enabled: true, retry_threshold: 2, retry_delay: 30, created_at: '2026-11-01T10:00:00+05:30', uploads: [] }],
		[102, { id: 102, name: 'Survey Wave 2', status: 'paused', is_retry_enabled: false, retry_threshold: 0, retry_delay: 0, created_at: '2026-11-05T10:00:00+05:30', uploads: [] }],
	]);
}

function addContacts(fake, campaignId, body) {
	const campaign = fake.campaigns.get(campaignId);
	if (!campaign) return failure(404, 'Campaign not found');
	if (!isPlainObject(body)) return invalid(422, 'Request body must be a JSON object');
	const errors = [];
	if (typeof body.agent_uuid !== 'string' || body.agent_uuid === '') errors.push('agent_uuid is required');
	if (!Array.isArray(body.contacts) || body.contacts.length === 0) errors.push('contacts is required');
	else if (body.contacts.length > 10000) errors.push('contacts must contain at most 10000 entries');
	if (errors.length) return invalid(422, ...errors);
	const { error, agent } = ownAgent(fake, body.agent_uuid);
	if (error) return error;
	// Duplicates by phone are dropped, keeping the longer name; numbers on the agent's DND list are skipped.
	const byPhone = new Map();
	const dndSkipped = [];
	let invalidCount = 0;
	for (const contact of body.contacts) {
		const e164 = normalisePhone(contact?.phone);
		if (!e164) {
			invalidCount += 1;
			continue;
		}
		if (isOnDnd(fake, agent.agent_id, e164)) {
			dndSkipped.push({ phone: e164, person_name: contact.person_name ?? null });
			continue;
		}
		const existing = byPhone.get(e164);
		if (!existing || String(contact.person_name ?? '').length > String(existing.person_name ?? '').length) {
			byPhone.set(e164, { ...contact, phone: e164 });
		}
	}
	const accepted = [...byPhone.values()];
	const duplicates = body.contacts.length - invalidCount - dndSkipped.length - accepted.length;
	fake.uploadSequence += 1;
	const upload = {
		campaign_upload_id: fake.uploadSequence,
		file_name: `api-upload-${fake.uploadSequence}.json`,
		agent_uuid: agent.agent_id,
		created_at: new Date().toISOString(),
		contacts: accepted,
		enqueued: body.enqueue === true,
	};
	campaign.uploads.push(upload);
	if (upload.enqueued) {
		for (const contact of accepted) {
			fake.calls.push(
				newCall(fake, { agent, e164: contact.phone, status: 'in_progress', request: { person_name: contact.person_name, campaign_id: campaignId, campaign_upload_id: upload.campaign_upload_id } }),
			);
		}
	}
	return ok({
		campaign_upload_id: upload.campaign_upload_id,
		contacts_received: body.contacts.length,
		contacts_accepted: accepted.length,
		duplicates_removed: duplicates,
		enqueued: upload.enqueued,
		queued_calls: upload.enqueued ? accepted.length : 0,
		dnd_skipped: dndSkipped,
	});
}

function campaignStatus(fake, campaignId) {
	const campaign = fake.campaigns.get(campaignId);
	if (!campaign) return failure(404, 'Campaign not found');
	const calls = fake.calls.filter((call) => call.campaign_id === campaignId);
	const byStatus = { picked: 0, not_picked: 0, failed: 0, busy: 0, in_progress: 0 };
	for (const call of calls) byStatus[call.status] = (byStatus[call.status] ?? 0) + 1;
	const { uploads, ...info } = campaign;
	return ok({
		campaign: info,
		calls: { total: calls.length, by_status: byStatus },
		uploads: uploads.map((upload) => ({
			campaign_upload_id: upload.campaign_upload_id,
			file_name: upload.file_name,
			agent_uuid: upload.agent_uuid,
			created_at: upload.created_at,
			queues: [
				{
					agent_uuid: upload.agent_uuid,
					total_queued: upload.enqueued ? upload.contacts.length : 0,
					completed: calls.filter((call) => call.campaign_upload_id === upload.campaign_upload_id && call.status !== 'in_progress').length,
				},
			],
		})),
	});
}

function campaignRoutes(router, fake) {
	router.on('POST', '/v1/campaigns/:id/contacts', ({ params, body }) => addContacts(fake, Number(params.id), body));
	router.on('GET', '/v1/campaigns/:id/status', ({ params }) => campaignStatus(fake, Number(params.id)));
}

module.exports = { seedCampaigns, campaignRoutes };
