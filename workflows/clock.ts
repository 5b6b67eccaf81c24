// The one place workflow code reads the time. Inside Temporal's workflow sandbox Date.now() is not the wall clock:
// it is the time of the current workflow task, recorded in history and identical on replay, so it is deterministic.
// Everything else in workflows/ is linted against Date.now() so that every use goes through here.

/** Workflow time, ms since the epoch (replay-safe). */
// eslint-disable-next-line no-restricted-properties
export const nowMs = (): number => Date.now();

/** Workflow time as an ISO string. */
export const nowIso = (): string => new Date(nowMs()).toISOString();
