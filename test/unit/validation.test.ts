import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { initiateCallBody, initiateCallLabels } from '../../nodes/Osvi/actions/call/initiate.schema';
import { describeFieldPath, validateItem } from '../../nodes/shared/parameters/validation';

const node = { name: 'OSVI', type: 'n8n-nodes-voice-agents.osvi', parameters: {} } as unknown as INode;
const valid = { agent_uuid: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og', phone_number: '9876543210', country_code: 'IN' };

function errorFor(body: object, itemIndex = 4): NodeOperationError {
	try {
		validateItem(node, itemIndex, initiateCallBody, body, initiateCallLabels);
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected a validation error');
}

describe('POST /v1/call rules, checked before sending', () => {
	test('the three required fields alone are enough', () => {
		expect(validateItem(node, 0, initiateCallBody, valid, initiateCallLabels)).toEqual(valid);
	});

	test('every optional field of the reference is accepted', () => {
		const full = {
			...valid,
			system_prompt: 'Confirm the appointment',
			webhook_url: 'https://example.com/hook?token=abc',
			person_name: 'John Doe',
			additional_data: { appointment_date: '2025-01-15', nested: { a: 1 } },
			initial_greeting: 'x'.repeat(2000),
			call_config_overrides: {
				max_call_duration_seconds: 300,
				enable_callback: false,
				retry_config: { enabled: true, max_attempts: 2, interval_minutes: 30 },
			},
			data_extraction: [
				{ key: 'confirmed', description: 'Ask to confirm', required: true, output_format: 'yes or no' },
				{ key: 'when', description: 'Ask for a better time' },
			],
		};
		expect(validateItem(node, 0, initiateCallBody, full, initiateCallLabels)).toEqual(full);
	});

	test.each([
		[{ webhook_url: 'ftp://example.com/x' }, 'Webhook URL', 'http:// or https:// URL with a host'],
		[{ webhook_url: 'https://' }, 'Webhook URL', 'http:// or https:// URL with a host'],
		[{ webhook_url: 'example.com/hook' }, 'Webhook URL', 'http:// or https:// URL'],
		[{ additional_data: [1, 2] }, 'Additional Data', 'must be a JSON object'],
		[{ additional_data: 'text' }, 'Additional Data', 'must be a JSON object'],
		[{ initial_greeting: 'x'.repeat(2001) }, 'Initial Greeting', 'at most 2,000 are accepted'],
		[
			{ data_extraction: [{ key: 'a', description: '  ' }] },
			'Data to Extract › #1 › Description',
			'is empty',
		],
		[
			{ data_extraction: [{ key: 'a', description: 'x' }, { key: 'a', description: 'y' }] },
			'Data to Extract › #2 › Key',
			'"a" is used twice',
		],
		[{ data_extraction: { key: 'a' } }, 'Data to Extract', 'must be a list'],
		[
			{ call_config_overrides: { retry_config: { max_attempts: 1.5 } } },
			'Call Configuration Overrides › Retry › Retry Max Attempts',
			'whole number',
		],
		[
			{ call_config_overrides: { max_call_duration_seconds: 0 } },
			'Call Configuration Overrides › Max Call Duration (Seconds)',
			'from 1 to 3,600',
		],
		[{ agent_uuid: 'my-agent' }, 'Agent', 'is not an OSVI agent ID'],
		[{ country_code: 'IND' }, 'Country', 'ISO 3166-1 alpha-2'],
	])('%j is refused, naming "%s"', (change, field, problem) => {
		const error = errorFor({ ...valid, ...change });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message.startsWith(`Invalid '${field}': `)).toBe(true);
		expect(error.message.endsWith(' [item 4]')).toBe(true);
		expect(error.message).toContain(problem);
		expect(error.context.itemIndex).toBe(4);
	});

	test('unknown fields are refused rather than sent', () => {
		expect(errorFor({ ...valid, callId: 'x' }).message).toContain('Unrecognized key');
	});

	test('several problems: the first is named, the others are listed in the description', () => {
		const error = errorFor({ ...valid, webhook_url: 'nope', initial_greeting: 'x'.repeat(2001) });
		expect(error.message).toContain("'Webhook URL'");
		expect(error.description).toContain("'Initial Greeting' is 2,001 characters long: at most 2,000 are accepted");
	});
});

test('describeFieldPath labels nested and listed fields', () => {
	expect(describeFieldPath(['data_extraction', 2, 'output_format'], initiateCallLabels)).toBe(
		'Data to Extract › #3 › Output Format',
	);
	expect(describeFieldPath(['unknown_field'], initiateCallLabels)).toBe('unknown_field');
});
