// Submitting a restore job with durable, audited retries: each attempt is one activity call (which adopts a job an
// earlier attempt created before it creates one); between attempts the workflow sleeps on a timer for the backoff,
// or for Atlas's Retry-After when it is longer.
import { ActivityFailure, ApplicationFailure, CancellationScope, sleep, TimeoutFailure } from '@temporalio/workflow';
import type { SubmitRequest, SubmitResult } from '../activities/types';
import { NON_RETRYABLE, SUBMIT_RETRY, submitActs } from './activity-options';
import type { AuditTrail } from './audit';

interface AtlasDetails {
  status?: number;
  errorCode?: string;
  retryAfterS?: number;
}

export async function submitWithRetries(req: SubmitRequest, audit: AuditTrail, summary: string): Promise<SubmitResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      // An attempt runs to its end even if the restore is cancelled or its deadline passes meanwhile: a create that
      // Atlas may be carrying out must report its job, or the restore would not know the job it started. (The
      // cancel is then seen at the next timer, with the job known, and compensation covers it.)
      return await CancellationScope.nonCancellable(() => submitActs.submitRestore.executeWithOptions({ summary: `${summary} (attempt ${attempt})` }, [req]));
    } catch (e) {
      if (!(e instanceof ActivityFailure)) throw e;
      const cause = e.cause;
      const app = cause instanceof ApplicationFailure ? cause : undefined;
      const d = (app?.details?.[0] ?? {}) as AtlasDetails;
      const what = app ? `${app.type}${d.status ? ` HTTP ${d.status}` : ''}${d.errorCode ? ` ${d.errorCode}` : ''}` : cause instanceof TimeoutFailure ? 'activity timed out (worker lost?)' : (cause?.message ?? e.message);
      audit.add('submit-attempt', `attempt ${attempt} failed: ${what}`, { attempt, status: d.status, errorCode: d.errorCode, retryAfterS: d.retryAfterS });
      const fatal = app && (app.nonRetryable || NON_RETRYABLE.includes(app.type ?? ''));
      if (fatal || attempt >= SUBMIT_RETRY.maxAttempts) throw e;
      const backoffS = Math.min(SUBMIT_RETRY.maxIntervalS, SUBMIT_RETRY.initialS * Math.pow(SUBMIT_RETRY.factor, attempt - 1));
      const delayS = Math.max(backoffS, d.retryAfterS ?? 0);
      audit.add('retry', `submit again in ${delayS}s${d.retryAfterS ? ` (Retry-After ${d.retryAfterS}s)` : ''}`, { attempt: attempt + 1, delayS });
      await sleep(delayS * 1000, { summary: `Back off ${delayS}s before submit attempt ${attempt + 1}` });
    }
  }
}
