// Turns Atlas client errors into Temporal ApplicationFailures. The failure *type* carries the error class from
// atlas/errors.ts (the one place that classifies), and workflows/activity-options.ts lists which types are
// non-retryable. Messages and details hold only what Atlas said: never credentials.
import { ApplicationFailure } from '@temporalio/common';
import { AtlasApiError, AtlasResponseShapeError } from '../atlas/errors';
import { FAILURE } from '../common/failure-types';

export { FAILURE };

export interface AtlasFailureDetails {
  status: number;
  errorCode: string;
  operation: string;
  retryAfterS?: number;
}

export function toFailure(e: unknown): Error {
  if (e instanceof AtlasApiError) {
    const details: AtlasFailureDetails = { status: e.status, errorCode: e.errorCode, operation: e.operation, retryAfterS: e.retryAfterS };
    return ApplicationFailure.create({
      message: e.message,
      type: FAILURE[e.errorClass],
      nonRetryable: e.errorClass === 'fatal' || e.errorClass === 'routing',
      details: [details],
      nextRetryDelay: e.retryAfterS !== undefined ? retryAfterDelayMs(e.retryAfterS) : undefined,
    });
  }
  if (e instanceof AtlasResponseShapeError)
    return ApplicationFailure.create({ message: e.message, type: FAILURE.shape, nonRetryable: true, details: [{ operation: e.operation, field: e.field }] });
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Atlas asked us to wait: never come back sooner than Retry-After (the rate limiter's refill time), and spread the
 * returns over up to half as long again, so restores throttled together do not retry in lockstep and drain the
 * project's bucket for each other.
 */
export function retryAfterDelayMs(retryAfterS: number, random: () => number = Math.random): number {
  return Math.round(Math.max(1, retryAfterS) * 1000 * (1 + 0.5 * random()));
}

/** Runs `fn`, converting any Atlas error on the way out. */
export async function atlasCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toFailure(e);
  }
}
