// Activity proxies with their retry policies: where a reader looks for "what is retried, how often, and what never".
// The failure types come from activities/failures.ts, which takes them from the Atlas error model (atlas/errors.ts).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { FAILURE } from '../common/failure-types';

/** Never retried: another attempt would get the same answer. */
export const NON_RETRYABLE: string[] = [FAILURE.fatal, FAILURE.routing, FAILURE.shape];

/** Preflight reads: transient errors (5xx, 429 after Retry-After, resets) retried for up to ~10 minutes. */
export const preflightActs = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE },
});

/**
 * Submit: retried by the workflow itself (workflows/submit.ts), not by the activity's retry policy, so that every
 * attempt and the error code Atlas gave it land in the audit trail, and Retry-After is honoured on a durable timer.
 * Every attempt first looks for the job a previous attempt may have created (activities/submit.ts), so a retry after
 * a timeout or a 500-after-commit adopts instead of creating twice. A foreign 409 (another restore into the target)
 * is retried within this bound (8 attempts, ~11 min), then the workflow compensates.
 */
export const SUBMIT_RETRY = { maxAttempts: 8, initialS: 10, factor: 2, maxIntervalS: 180 } as const;
export const submitActs = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 1 },
});

/**
 * Polls: a transient read error is retried (no attempt limit; the workflow's deadline bounds it) and never fails the
 * workflow. Fatal answers (e.g. the job vanished: 404) are not retried.
 */
export const pollActs = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: NON_RETRYABLE },
});

/** Compensation and bookkeeping: a few tries, then record the step as failed. */
export const sideActs = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumAttempts: 5 },
});
