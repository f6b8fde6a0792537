'use strict';
// A minimal OpenAI-compatible chat-completions endpoint, so that n8n's AI Agent can drive our
// nodes as tools with no model and no network: the first answer calls a tool with arguments set
// by the scenario or read from the user's message (a phone number, the name after "call"), the next
// one reports the tool's result, or that the tool failed. With a list of argument sets, the model
// calls the tool once per set, one after the other, then reports the last result.
const { PlatformFake } = require('../../core/fake');
const { Router, reply } = require('../../core/http');

/** A phone number as people write one: digits with spaces, dashes, dots or brackets, an optional +. */
const PHONE = /\+?\d[\d\s().-]{5,}\d/;
/** The name of the person to call: the capitalised word after "call". */
const NAME_AFTER_CALL = /\bcall\s+(\p{Lu}[\p{L}'-]*)/u;

/** What a model would read out of the user's message for a tool argument, by the argument's name. */
function argumentFromMessage(name, message) {
	if (/phone|number/i.test(name)) return message.match(PHONE)?.[0];
	if (/name/i.test(name)) return message.match(NAME_AFTER_CALL)?.[1];
	return undefined;
}

/** The text of the last message from the user (a string, or the parts of a multi-part message). */
function userText(messages) {
	const content = messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
	if (typeof content === 'string') return content;
	return Array.isArray(content) ? content.map((part) => part?.text ?? '').join(' ') : '';
}

/** The final answer about a tool's result: an empty result or an error is reported as a failure. */
function reportToolResult(content) {
	const text = typeof content === 'string' ? content : JSON.stringify(content ?? '');
	if (text.trim() === '') return 'The tool failed: it returned nothing.';
	if (/^\s*(\{\s*"error"|error\b|there was an error)/i.test(text)) return `The tool failed: ${text}`;
	return `Tool result: ${text}`;
}

class OpenAiFake extends PlatformFake {
	constructor(options = {}) {
		super(options);
		this.reset();
	}

	reset() {
		super.reset();
		/** Values for tool arguments, by argument name (missing ones are read from the user's message, else a placeholder); a list: one call per entry. */
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
				const message = userText(messages);
				const value = (name) => values[name] ?? argumentFromMessage(name, message) ?? `sandbox ${name}`;
				const args = Object.fromEntries(Object.keys(properties).map((name) => [name, value(name)]));
				const id = `call_sandbox_${toolResults.length + 1}`;
				return this.completion(body.model, {
					role: 'assistant',
					content: null,
					tool_calls: [{ id, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(args) } }],
				}, 'tool_calls');
			}
			return this.completion(body.model, { role: 'assistant', content: reportToolResult(toolResults.at(-1)?.content) }, 'stop');
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
