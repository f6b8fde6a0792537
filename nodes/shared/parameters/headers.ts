import { checkRequiredText, quote } from './text';
import type { Checked } from './validation';

/** RFC 9110 `token`: the characters a header name may have. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MAX_NAME_LENGTH = 256;
/** Header values may hold tabs and visible characters, never a line break (that would start a new header). */
const FIELD_VALUE = /^[\t\u0020-\u007E\u0080-\uFFFF]*$/;
const MAX_VALUE_LENGTH = 4096;

/** A header name: an HTTP token (`X-VoiceOS-Secret`), so that nothing can be injected with it. */
export function checkHeaderName(value: unknown): Checked<string> {
	const checked = checkRequiredText(value, { maxLength: MAX_NAME_LENGTH, kind: 'token' });
	if (checked.problem !== undefined) return checked;
	if (!TOKEN.test(checked.value)) {
		return { problem: `${quote(checked.value)} is not a header name (letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only)` };
	}
	return checked;
}

/** A header value: one line of at most 4,096 characters. Its content is never quoted in a message (it may be a secret). */
export function checkHeaderValue(value: unknown): Checked<string> {
	if (typeof value !== 'string') return { problem: 'must be text' };
	if (value.length > MAX_VALUE_LENGTH) return { problem: `is longer than ${MAX_VALUE_LENGTH.toLocaleString('en-US')} characters` };
	if (!FIELD_VALUE.test(value)) return { problem: 'must be one line without control characters' };
	return { value };
}
