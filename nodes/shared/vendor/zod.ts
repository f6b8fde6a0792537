// The single import point of zod. The build replaces the compiled file with a bundle,
// so the published package carries zod inside it and has no runtime dependencies.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
export { z, ZodError } from 'zod';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
export type { ZodIssue, ZodType, ZodTypeAny } from 'zod';
