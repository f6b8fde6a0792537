'use strict';
// The timers a fake uses to play out calls; cleared on reset so a test never sees a call of the
// one before it finish.
class Timers {
	constructor() {
		this.pending = new Set();
	}

	/** Runs `action` after `ms`; returns the timer, for `cancel`. */
	later(ms, action) {
		const timer = setTimeout(() => {
			this.pending.delete(timer);
			action();
		}, ms);
		this.pending.add(timer);
		return timer;
	}

	cancel(timer) {
		clearTimeout(timer);
		this.pending.delete(timer);
	}

	clear() {
		for (const timer of this.pending) clearTimeout(timer);
		this.pending.clear();
	}
}

module.exports = { Timers };
