/**
 * The time the calling rules go by (Calling Hours): the real clock, which tests replace, so that
 * no test depends on the hour it runs at.
 */
export const callingClock = { now: (): number => Date.now() };
