// Activity proxies with their retry policies: where a reader looks for "what is retried, how often, and what never".
// What is never retried is the activity's own verdict (`nonRetryable`, set once from the Atlas error model in
// activities/failures.ts); these policies only say how often and how fast the rest is tried again.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

/** Preflight reads: transient errors (5xx, 429 after Retry-After, resets) retried for up to ~10 minutes. */
export const preflightActs = proxyActivities<Pick<Activities, 'preflight'>>({
  startToCloseTimeout: '2 minutes',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * The submit loop (workflows/submit.ts) retries itself, so that every attempt and the error code Atlas gave it land
 * in the audit trail. An attempt is a safe lookup (findActs) then the ambiguous create (submitActs, tried once).
 * The bound is on creates; the wait before the next one depends on what the last one got:
 * - a foreign 409 (another restore into the target): the long backoff, `conflict` (~11 min over 8 attempts);
 * - an ambiguous failure (timeout, 5xx, reset, garbled): `transient`, seconds, then look up before creating again;
 * - a 429: its Retry-After (common/retry-after.ts).
 */
export const SUBMIT_RETRY = {
  maxAttempts: 8,
  conflict: { initialS: 10, factor: 2, maxIntervalS: 180 },
  transient: { initialS: 1, factor: 2, maxIntervalS: 10 },
} as const;

/**
 * The create: never retried by Temporal (a retry could create a second job); the submit loop decides. The only proxy
 * with `submitRestore` (test/unit/activity-proxies.test.ts checks that no other proxy has it).
 */
export const submitActs = proxyActivities<Pick<Activities, 'submitRestore'>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});

/** The lookup for our own job (safe to repeat): transient errors retried in seconds, bounded (~15 s of waits). */
export const findActs = proxyActivities<Pick<Activities, 'findSubmittedJob' | 'listMatchingJobs'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '10s', maximumAttempts: 5 },
});

/**
 * Reads of a submitted job for the wait primitive (workflows/wait.ts): one attempt, because the workflow itself
 * retries every failure after submit (with its own backoff, audit and status) until the deadline.
 */
export const jobReadActs = proxyActivities<Pick<Activities, 'getRestoreJob'>>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});

/** Notifications: a few quick tries; an undelivered notification is recorded and never changes an outcome. */
export const notifyActs = proxyActivities<Pick<Activities, 'notify'>>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '1 minute',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumAttempts: 3 },
});

/** Compensation and bookkeeping: a few tries, then record the step as failed. */
export const sideActs = proxyActivities<
  Pick<Activities, 'getRestoreJob' | 'restoreDurationHistory' | 'verifyDecision'>
>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumAttempts: 5 },
});
