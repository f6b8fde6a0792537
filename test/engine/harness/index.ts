// The engine harness: this package's nodes run by n8n-core's real engine against the sandbox.
//   registry.ts        node and credential types, from the `n8n` section of package.json
//   additionalData.ts  what n8n hands every context: the credential store, the instance's URLs
//   runNode.ts         one node in a workflow run (WorkflowExecute)
//   trigger.ts         a trigger's webhook lifecycle and deliveries (HookContext, WebhookContext)
//   waiting.ts         executions that wait: stored, resumed through their resume URL, or timed out
//   editor.ts          list searches and load options (LoadOptionsContext)
//   display.ts         which fields and credentials the editor shows (n8n-workflow's displayOptions rules)
export { WEBHOOK_BASE_URL } from './additionalData';
export { runEditorMethod } from './editor';
export { runNode } from './runNode';
export { nextExecutionId } from './additionalData';
export type { NodeRunOptions, NodeRunResult } from './runNode';
export { deliverWebhook, ResponseDouble, runWebhookMethod, serveTrigger, TriggerUnderTest } from './trigger';
export type { ServedTrigger, TriggerOptions, WebhookRequestDouble } from './trigger';
export { visibleCredentials, visibleFields } from './display';
export { waitFor } from './wait';
export { StoredExecution, WaitingExecutions, waitUntil } from './waiting';
