'use strict';
// A minimal OpenAI-compatible chat-completions endpoint, so that n8n's AI Agent can drive our
// nodes as tools with no model and no network: the first answer calls a tool with arguments from
// the scenario (filled in by the tool's JSON schema), the next one reports the tool's result.
// With a list of argument sets, the model calls the tool once per set, one after the other (each
// answer after a tool result calls it again), then reports the last result.
const { PlatformFake } = require('../../core/fake');
const { Router, reply } = require('../../core/http');

class OpenAiFake extends PlatformFake {
	constructor(options = {}) {
		super(options);
		this.reset();
	}

	reset() {
		super.reset();
		/** Values for tool arguments, by argument name (missing ones get a placeholder); a list: one call per entry. */
		this.toolArguments = {};
		/** Which tool to call: the first whose name contains this (case-insensitive), else the first. */
		this.toolNameContains = '';
		this.completions = [];
	}

	authorise(headers) {
		return /^Bearer\s+\S+/i.test(headers.authorization ?? '');
	}

	failure(status, message) {
		return reply(status, { error: { message, type: status < 500 ? 'invalid_request_error' : 'server_error' } });
	}

	unauthorised() {
		return this.failure(401, 'Incorrect API key provided');
	}

	completion(model, message, finishReason) {
		return reply(200, {
			id: `chatcmpl-sandbox-${this.completions.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model,
			choices: [{ index: 0, message, finish_reason: finishReason }],
			usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
		});
	}

	router() {
		const router = new Router();
		router.on('GET', '/v1/models', () => reply(200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model' }] }));
		router.on('POST', '/v1/chat/completions', ({ body }) => {
			this.completions.push(body);
			const messages = body.messages ?? [];
			const toolResults = messages.filter((message) => message.role === 'tool');
			const tools = body.tools ?? [];
			const argumentSets = Array.isArray(this.toolArguments) ? this.toolArguments : [this.toolArguments];
			if (toolResults.length < argumentSets.length && tools.length > 0) {
				const values = argumentSets[toolResults.length];
				const needle = this.toolNameContains.toLowerCase();
				const tool = tools.find((candidate) => needle && candidate.function.name.toLowerCase().includes(needle)) ?? tools[0];
				const properties = tool.function.parameters?.properties ?? {};
				const args = Object.fromEntries(Object.keys(properties).map((name) => [name, values[name] ?? `sandbox ${name}`]));
				const id = `call_sandbox_${toolResults.length + 1}`;
				return this.completion(body.model, {
					role: 'assistant',
					content: null,
					tool_calls: [{ id, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(args) } }],
				}, 'tool_calls');
			}
			const last = toolResults.at(-1)?.content ?? '';
			return this.completion(body.model, { role: 'assistant', content: `Tool result: ${typeof last === 'string' ? last : JSON.stringify(last)}` }, 'stop');
		});
		return router;
	}

	controlRoutes(router) {
		router.on('POST', '/_sandbox/openai/scenario', ({ body }) => {
			this.toolArguments = body.toolArguments ?? {};
			this.toolNameContains = body.toolNameContains ?? '';
			return reply(200, { ok: true });
		});
	}
}

module.exports = { OpenAiFake };
