'use strict';
// The CRM stand-in as the sandbox registers it: served under /crm, rows at /crm/rows/<id>, for
// n8n's own Header Auth credential (the examples update a CRM row with n8n's HTTP Request node).
const { CrmFake, CRM_TOKEN } = require('./fake');

module.exports = {
	name: 'crm',
	title: 'CRM stand-in',
	Fake: CrmFake,
	standIn: true,
	credential: {
		type: 'httpHeaderAuth',
		id: 'crmSandboxCred',
		name: 'CRM (sandbox stand-in)',
		data: () => ({ name: 'Authorization', value: `Bearer ${CRM_TOKEN}` }),
		labels: { name: 'Name', value: 'Value' },
	},
	notes: () => ['Rows: GET/PATCH <sandbox>/crm/rows/<id> (PATCH merges the fields sent); what the example workflows update.'],
};
