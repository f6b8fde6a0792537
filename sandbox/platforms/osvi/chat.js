'use strict';
// OSVI chat: sessions per customer and agent, the agent's replies in AI mode, and the support
// commands (takeover, tell, whisper, end, close, or an operator message in support mode).
const crypto = require('node:crypto');

const { ownAgent } = require('./agents');
const { failure, invalid, isPlainObject, ok } = require('./answers');

/** The agent answers in AI mode; in support mode a human speaks and the AI stays quiet. */
function chatReply(session, content) {
	if (session.mode === 'support') return null;
	const context = session.metadata.context.length ? ` (I know: ${session.metadata.context.join('; ')})` : '';
	return `Thanks for your message "${content}".${context}`;
}

/** A new active session; the customer's earlier active one with this agent is closed. */
function newChatSession(fake, agent, customerId, inputFields = {}, context = []) {
	for (const session of fake.chatSessions) {
		if (session.customer_id === customerId && session.chat_agent_id === agent.agent_id && session.status === 'active') session.status = 'closed';
	}
	const now = new Date().toISOString();
	const session = {
		id: crypto.randomUUID(),
		chat_agent_id: agent.agent_id,
		account_id: 'acct_sandbox',
		customer_id: customerId,
		mode: 'ai',
		help_requested: false,
		status: 'active',
		current_state: 'greeting',
		metadata: { input_fields: inputFields, state_fields: {}, context: context.filter((line) => typeof line === 'string' && line.trim() !== '').slice(-5) },
		active_human: null,
		created_at: now,
		updated_at: now,
		messages: [],
	};
	fake.chatSessions.push(session);
	return session;
}

function publicSession(session) {
	const { messages, ...rest } = session;
	return rest;
}

function openSession(fake, id) {
	const session = fake.chatSessions.find((candidate) => candidate.id === id);
	return session && session.status !== 'closed' ? session : undefined;
}

/** A support command on a session; `message` is the trimmed text that came with it. */
function supportCommand(session, command, message) {
	const result = { state: session.current_state, session_id: session.id };
	if (command === undefined) {
		if (!message) return invalid(422, 'message is required when no command is given');
		if (session.mode !== 'support') return invalid(422, 'A plain operator message needs support mode: send "takeover" first');
		session.messages.push({ role: 'human', content: message });
		return ok({ ...result, command: null });
	}
	switch (command) {
		case 'takeover':
			session.mode = 'support';
			session.active_human = { id: 'operator_1', name: 'Sandbox Operator' };
			return ok({ ...result, command, active_human: session.active_human });
		case 'tell': {
			if (!message) return invalid(422, 'message is required for tell');
			const reply = `Understood: ${message}`;
			session.messages.push({ role: 'ai', content: reply });
			return ok({ ...result, command, reply });
		}
		case 'whisper':
			if (!message) return invalid(422, 'message is required for whisper');
			session.metadata.whisper = message;
			return ok({ ...result, command });
		case 'end':
			session.mode = 'ai';
			session.active_human = null;
			return ok({ ...result, command });
		case 'close':
			session.status = 'closed';
			return ok({ ...result, command });
		default:
			return invalid(422, `Unknown command: ${command}`);
	}
}

function chatRoutes(router, fake) {
	router.on('POST', '/v1/chat/session', ({ body }) => {
		if (!isPlainObject(body) || !body.agent_uuid || !body.customer_id) return invalid(422, 'agent_uuid and customer_id are required');
		const { error, agent } = ownAgent(fake, body.agent_uuid);
		if (error) return error;
		if (body.input_fields !== undefined && !isPlainObject(body.input_fields)) return invalid(422, 'input_fields must be an object');
		if (body.context !== undefined && !Array.isArray(body.context)) return invalid(422, 'context must be an array of strings');
		return ok(publicSession(newChatSession(fake, agent, String(body.customer_id), body.input_fields, body.context)), 201);
	});

	router.on('POST', '/v1/chat/inbound', ({ body }) => {
		if (!isPlainObject(body) || !body.agent_uuid || !body.customer_id || !body.content) return invalid(422, 'agent_uuid, customer_id and content are required');
		const { error, agent } = ownAgent(fake, body.agent_uuid);
		if (error) return error;
		let session;
		if (body.session_id) {
			session = openSession(fake, body.session_id);
			if (!session) return failure(404, 'Session not found');
		} else {
			session = fake.chatSessions.find((candidate) => candidate.customer_id === String(body.customer_id) && candidate.chat_agent_id === agent.agent_id && candidate.status === 'active')
				?? newChatSession(fake, agent, String(body.customer_id));
		}
		session.messages.push({ role: 'customer', content: body.content });
		if (/human|agent please|help/i.test(body.content)) session.help_requested = true;
		const reply = chatReply(session, body.content);
		if (reply) session.messages.push({ role: 'ai', content: reply });
		session.current_state = 'conversation';
		return ok({ session_id: session.id, reply, state: session.current_state, mode: session.mode, help_requested: session.help_requested });
	});

	router.on('GET', '/v1/chat/session/active', ({ query }) => {
		if (!query.customer_id) return failure(400, 'param is missing or the value is empty: customer_id');
		const active = fake.chatSessions.filter((session) => session.customer_id === query.customer_id && session.status === 'active');
		if (query.agent_uuid) {
			const session = active.find((candidate) => candidate.chat_agent_id === query.agent_uuid);
			return session ? ok(publicSession(session)) : failure(404, 'No active session');
		}
		return ok(Object.fromEntries(active.map((session) => [session.chat_agent_id, publicSession(session)])));
	});

	router.on('POST', '/v1/chat/session/:id/support', ({ params, body }) => {
		const session = openSession(fake, params.id);
		if (!session) return failure(404, 'Session not found');
		return supportCommand(session, body?.command, typeof body?.message === 'string' ? body.message.trim() : '');
	});

	router.on('POST', '/v1/chat/session/:id/inject_context', ({ params, body }) => {
		const session = openSession(fake, params.id);
		if (!session) return failure(404, 'Session not found');
		if (typeof body?.context !== 'string' || body.context.trim() === '') return invalid(422, 'context must be a non-empty string');
		session.metadata.context = [...session.metadata.context, body.context].slice(-5);
		return ok({ session_id: session.id, context: session.metadata.context });
	});
}

module.exports = { chatRoutes };
