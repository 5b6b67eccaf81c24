// The one place an Atlas error becomes a Temporal ApplicationFailure: the description from atlas/errors.ts decides
// the type, nonRetryable, benign (category) and the retry delay; activities/index.ts applies this to every activity.
// Messages and details hold only what Atlas said: never credentials.
import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import { describeAtlasError } from '../atlas/errors';
import type { AtlasFailureDetails } from '../common/failure-types';
import { retryAfterDelayMs } from '../common/retry-after';

/**
 * Converts an Atlas error; anything else (already a failure, or not from atlas/*) passes through unchanged.
 * `jitter` ∈ [0, 1) spreads the Retry-After wait (common/retry-after.ts).
 */
export function toFailure(e: unknown, jitter: number = Math.random()): unknown {
  const d = describeAtlasError(e);
  if (!d) return e;
  const details: AtlasFailureDetails = {
    status: d.status,
    errorCode: d.errorCode,
    operation: d.operation,
    benign: d.benign,
    ...(d.retryAfterS !== undefined ? { retryAfterS: d.retryAfterS } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
  return ApplicationFailure.create({
    message: d.message,
    type: d.type,
    nonRetryable: !d.retryable,
    details: [details],
    nextRetryDelay: d.retryable && d.retryAfterS !== undefined ? retryAfterDelayMs(d.retryAfterS, jitter) : undefined,
    category: d.benign ? ApplicationFailureCategory.BENIGN : undefined,
  });
}
