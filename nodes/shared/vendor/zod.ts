// The single import point of zod. The build replaces the compiled file with a bundle,
// so the published package carries zod inside it and has no runtime dependencies.
export { z, ZodError } from 'zod';
export type { ZodIssue, ZodType, ZodTypeAny } from 'zod';
