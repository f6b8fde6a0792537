'use strict';
// OSVI agents: the account's own (active or not) and one of another account, which answers 403.
const { reply } = require('../../core/http');
const { failure } = require('./answers');

function seedAgents() {
	return [
		{ agent_id: 'agent_SandboxReminder01', name: 'Appointment Reminder', status: 'active', account: 'own' },
		{ agent_id: 'agent_SandboxSurvey02', name: 'Customer Survey', status: 'active', account: 'own' },
		{ agent_id: 'agent_SandboxPaused03', name: 'Paused Collections Agent', status: 'inactive', account: 'own' },
		{ agent_id: 'agent_OtherAccount99', name: 'Someone Else', status: 'active', account: 'other' },
	];
}

/** The agent when it belongs to this account; otherwise the answer OSVI gives (404 or 403). */
function ownAgent(fake, agentUuid) {
	const agent = fake.agents.find((candidate) => candidate.agent_id === agentUuid);
	if (!agent) return { error: failure(404, 'Agent not found') };
	if (agent.account !== 'own') return { error: failure(403, 'Agent does not belong to this account') };
	return { agent };
}

function agentRoutes(router, fake) {
	router.on('GET', '/v1/active_agents', () =>
		reply(
			200,
			fake.agents
				.filter((agent) => agent.account === 'own' && agent.status === 'active')
				.map(({ agent_id, name, status }) => ({ agent_id, name, status })),
		),
	);
}

module.exports = { seedAgents, ownAgent, agentRoutes };
