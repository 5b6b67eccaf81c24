// A 429 means Atlas did nothing and asks to be called later: the restore waits (never sooner than Retry-After) and
// asks again, for as long as it takes. Only the restore's deadline or a cancel ends such a wait (their cancellation
// interrupts the timer), so a 429 never counts toward a bound meant for other failures. One mechanism for every
// call before the job exists: preflight, the baseline, the lookups and the create (workflows/steps.ts, submit.ts).
import { ActivityFailure, sleep, workflowInfo } from '@temporalio/workflow';
import { describeFailure } from '../common/failure';
import { FAILURE } from '../common/failure-types';
import type { RateLimitedWait } from '../common/result';
import { jitterOf, retryAfterDelayMs } from '../common/retry-after';
import type { AuditTrail } from './audit';
import { nowIso, nowMs } from './clock';

/** Where a rate-limited wait is shown (the restore's state: `status` and the UI). */
export interface RateLimitView {
  rateLimited?: RateLimitedWait;
}

/** Past an hour of 429s the waits grow to 10 minutes, so that even a 30-day deadline keeps the history bounded. */
const LONG_STREAK_MS = 3_600_000;

/**
 * The wait after the n-th 429 in a row: Atlas's Retry-After, jittered (common/retry-after.ts), and never less than a
 * backoff that grows to a minute (to 10 minutes after an hour): calls the bucket would refuse again buy nothing.
 */
function rateLimitedDelayMs(retryAfterS: number | undefined, n: number, sinceMs: number, seed: string): number {
  const capS = nowMs() - sinceMs > LONG_STREAK_MS ? 600 : 60;
  const backoffMs = Math.min(capS, Math.pow(1.5, n - 1)) * 1000;
  return Math.max(retryAfterDelayMs(retryAfterS ?? 1, jitterOf(seed)), backoffMs);
}

/** Runs `call`, waiting out every 429 it gets; any other failure (or the cancellation of a wait) is thrown. */
export async function untilNotRateLimited<T>(
  view: RateLimitView,
  audit: AuditTrail,
  operation: string,
  call: () => Promise<T>,
): Promise<T> {
  for (let n = 1; ; n++) {
    let d;
    try {
      const r = await call();
      ended(view, audit, operation);
      return r;
    } catch (e) {
      if (!(e instanceof ActivityFailure)) throw e;
      d = describeFailure(e);
      if (d.type !== FAILURE.rateLimited) {
        ended(view, audit, operation);
        throw e;
      }
    }
    const since = view.rateLimited?.operation === operation ? view.rateLimited.since : nowIso();
    const delayMs = rateLimitedDelayMs(
      d.retryAfterS,
      n,
      Date.parse(since),
      `${workflowInfo().workflowId}:${operation}:${n}`,
    );
    const delayS = Math.round(delayMs / 100) / 10;
    view.rateLimited = {
      operation,
      since,
      attempts: n,
      retryAt: new Date(nowMs() + delayMs).toISOString(),
      ...(d.retryAfterS !== undefined ? { retryAfterS: d.retryAfterS } : {}),
    };
    // One entry for the first 429 and one for every 20th: a long streak must not flood the trail.
    if (n === 1 || n % 20 === 0)
      audit.add(
        'rate-limited',
        `Atlas answered 429 to the ${operation} (${n} in a row; Retry-After ${d.retryAfterS ?? '-'}s): nothing was done; asking again in ${delayS}s`,
        { operation, attempts: n, retryAfterS: d.retryAfterS, delayS, errorCode: d.errorCode },
      );
    await sleep(delayMs, { summary: `Rate limited (429): ${operation} again in ${delayS}s` });
  }
}

function ended(view: RateLimitView, audit: AuditTrail, operation: string): void {
  const w = view.rateLimited;
  if (!w || w.operation !== operation) return;
  streakEnded(audit, w, `Atlas answers the ${operation} again`);
  view.rateLimited = undefined;
}

/** The entry that ends a streak, with its count (its other entries are only the first 429 and every 20th). */
export function streakEnded(audit: AuditTrail, w: RateLimitedWait, what: string): void {
  audit.add('rate-limited', `${what} after ${w.attempts} 429(s) since ${w.since}`, {
    operation: w.operation,
    attempts: w.attempts,
    ended: true,
  });
}
