'use strict';
// Small helpers of the queue-mode suite: posting many webhook calls, waiting for executions.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts the entries of a list by a key. */
function countBy(list, keyOf) {
	const counts = {};
	for (const entry of list) {
		const key = keyOf(entry);
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

/** POSTs each body as JSON to `url`, `parallel` at a time, as a CRM would; resolves with the statuses in order. */
async function postAll(url, bodies, parallel = 20) {
	const statuses = new Array(bodies.length);
	let next = 0;
	const sender = async () => {
		while (next < bodies.length) {
			const index = next++;
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bodies[index]) });
			await response.text();
			statuses[index] = response.status;
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, bodies.length) }, sender));
	return statuses;
}

/**
 * Waits until n8n lists at least `count` finished executions of a workflow, then returns them all
 * with their data (newest first).
 */
async function finishedExecutions(api, workflowId, count, { timeoutMs = 300000 } = {}) {
	const until = Date.now() + timeoutMs;
	let listed = [];
	while (Date.now() < until) {
		listed = await api.allExecutions(workflowId);
		if (listed.filter((execution) => execution.stoppedAt).length >= count) return await api.allExecutions(workflowId, { includeData: true });
		await sleep(1000);
	}
	const statuses = JSON.stringify(countBy(listed, (execution) => `${execution.status}${execution.stoppedAt ? '' : ' (not stopped)'}`));
	throw new Error(`fewer than ${count} executions of ${workflowId} finished within ${timeoutMs} ms; n8n lists ${listed.length}: ${statuses}`);
}

/** The items a node put out in an execution's first run of it. */
const runData = (execution, node) => execution.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? [];

module.exports = { countBy, finishedExecutions, postAll, runData };
