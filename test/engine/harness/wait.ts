/** Waits until `condition` holds (what a fake sends arrives a little later); fails after `ms`. */
export async function waitFor(condition: () => boolean, ms = 5000) {
	const until = Date.now() + ms;
	while (!condition()) {
		if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
