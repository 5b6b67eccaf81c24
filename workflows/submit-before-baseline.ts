// The submit loop of restores started before the 'submit-baseline' patch (workflows/submit.ts), exactly as it was,
// so their histories replay: a lookup before every create, adopting any job of the same request scheduled after the
// restore's start (less a minute). Remove with the patch's deprecation (README, upgrade policy).
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  CancelledFailure,
  isCancellation,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { describeFailure, failureSummary, type FailureDescription } from '../common/failure';
import { FAILURE, type NothingSubmittedDetails } from '../common/failure-types';
import type { SubmitRequest, SubmitResult } from '../common/jobs';
import { jitterOf, retryAfterDelayMs } from '../common/retry-after';
import { findActs, SUBMIT_RETRY, submitActs } from './activity-options';
import type { AuditTrail } from './audit';

export async function submitBeforeBaseline(
  req: SubmitRequest,
  audit: AuditTrail,
  summary: string,
): Promise<SubmitResult> {
  let conflicts = 0;
  let transients = 0;
  /** The last create may have made a job that no lookup has seen yet. */
  let maybeCreated = false;
  for (let attempt = 1; ; attempt++) {
    const found = await lookup(req, audit, summary, attempt, maybeCreated);
    if (found) return found;
    if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('cancelled before submit');
    let d: FailureDescription;
    try {
      // A create runs to its end even if the restore is cancelled or its deadline passes meanwhile: a create that
      // Atlas may be carrying out must report its job, or the restore would not know the job it started.
      return await CancellationScope.nonCancellable(() =>
        submitActs.submitRestore.executeWithOptions({ summary: `${summary} (attempt ${attempt})` }, [req]),
      );
    } catch (e) {
      if (!(e instanceof ActivityFailure)) throw e;
      d = describeFailure(e);
    }
    audit.add('submit-attempt', `attempt ${attempt} failed: ${failureSummary(d)}`, {
      attempt,
      type: d.type,
      status: d.status,
      errorCode: d.errorCode,
      retryAfterS: d.retryAfterS,
    });
    // A definite refusal (auth, bad request, wrong API): the create made nothing, and another will not either.
    if (d.nonRetryable) throw nothingSubmitted(attempt, d);
    maybeCreated = d.type !== FAILURE.rateLimited;
    if (d.type === FAILURE.conflict) {
      // Ours (a create that succeeded but was answered 409) or someone else's?
      const ours = await lookup(req, audit, summary, attempt, true);
      if (ours) return { ...ours, via: 'adopted-after-conflict' };
      maybeCreated = false;
      conflicts++;
    } else if (d.type !== FAILURE.rateLimited) transients++;
    if (attempt >= SUBMIT_RETRY.maxAttempts) {
      if (!maybeCreated) throw nothingSubmitted(attempt, d);
      // A last lookup settles an ambiguous final create one way or the other.
      const last = await lookup(req, audit, summary, attempt + 1, true);
      if (last) return last;
      throw nothingSubmitted(attempt, d);
    }
    const delayMs = waitBeforeNextMs(d, conflicts, transients, attempt);
    const delayS = Math.round(delayMs / 100) / 10;
    audit.add(
      'retry',
      `submit again in ${delayS}s${d.retryAfterS ? ` (Retry-After ${d.retryAfterS}s)` : ''}${d.type === FAILURE.conflict ? ' (another restore into the target is running)' : ''}`,
      { attempt: attempt + 1, delayS },
    );
    await sleep(delayMs, { summary: `Back off ${delayS}s before submit attempt ${attempt + 1}` });
  }
}

/**
 * The wait before the next create: the long backoff for a foreign 409, seconds after an ambiguous failure, and never
 * less than Atlas's Retry-After (jittered deterministically per workflow and attempt).
 */
export function waitBeforeNextMs(
  d: FailureDescription,
  conflicts: number,
  transients: number,
  attempt: number,
): number {
  const backoff = (p: { initialS: number; factor: number; maxIntervalS: number }, n: number) =>
    Math.min(p.maxIntervalS, p.initialS * Math.pow(p.factor, Math.max(0, n - 1))) * 1000;
  const base =
    d.type === FAILURE.conflict
      ? backoff(SUBMIT_RETRY.conflict, conflicts)
      : d.type === FAILURE.rateLimited
        ? 0
        : backoff(SUBMIT_RETRY.transient, transients);
  const ra =
    d.retryAfterS !== undefined || d.type === FAILURE.rateLimited
      ? retryAfterDelayMs(d.retryAfterS ?? 1, jitterOf(`${workflowInfo().workflowId}:${attempt}`))
      : 0;
  return Math.max(base, ra);
}

/**
 * The safe read. Its activity retries transient errors in seconds; when it still fails, a job may exist only if
 * the last create was ambiguous (then the ActivityFailure goes to the caller as is), otherwise nothing was submitted.
 */
async function lookup(
  req: SubmitRequest,
  audit: AuditTrail,
  summary: string,
  attempt: number,
  maybeCreated: boolean,
): Promise<SubmitResult | null> {
  try {
    return await findActs.findSubmittedJob.executeWithOptions(
      { summary: `${summary}: look for our job (attempt ${attempt})` },
      [req],
    );
  } catch (e) {
    if (isCancellation(e) || !(e instanceof ActivityFailure)) throw e;
    const d = describeFailure(e);
    audit.add('submit-attempt', `attempt ${attempt}: looking for our job failed: ${failureSummary(d)}`, {
      attempt,
      type: d.type,
      status: d.status,
      errorCode: d.errorCode,
      retryAfterS: d.retryAfterS,
    });
    if (maybeCreated) throw e;
    throw nothingSubmitted(attempt - 1, d);
  }
}

export function nothingSubmitted(attempts: number, d: FailureDescription): ApplicationFailure {
  const details: NothingSubmittedDetails = {
    submitted: false,
    attempts,
    lastType: d.type,
    ...(d.status ? { status: d.status } : {}),
    ...(d.errorCode ? { errorCode: d.errorCode } : {}),
    ...(d.hint ? { hint: d.hint } : {}),
  };
  const why =
    d.type === FAILURE.conflict
      ? `another restore into the target is in progress (${d.errorCode ?? '409'})`
      : d.message;
  return ApplicationFailure.create({
    message: `nothing was submitted after ${attempts} attempt(s): ${why}`,
    type: FAILURE.nothingSubmitted,
    nonRetryable: true,
    details: [details],
  });
}
