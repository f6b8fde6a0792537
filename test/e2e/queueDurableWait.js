'use strict';
// HOOK for issue 13 (durable "wait for call result", built on another branch): a durable wait
// placed on one worker and resumed on the other. When that issue lands, export here
//
//   async function durableWaitAcrossWorkers({ queue, sandbox, version }) { … }
//
// and queue.e2e.test.js runs it with the running queue-mode cluster: import a workflow whose call
// waits durably, start it through `queue.webhookUrl`, note the worker that placed the call
// (`queue.workersOf(executionId)`), let the sandbox post the call's result to the execution's
// resume URL (served by the webhook processor, /webhook-waiting/…), and assert that the resumed
// execution was started by the other worker (`queue.workersOf(id)` lists both), that it ends with
// the call's result, and that nobody was dialled twice. Until then nothing is exported, and no test
// is registered (none is skipped).
module.exports = { durableWaitAcrossWorkers: undefined };
