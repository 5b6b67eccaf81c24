// Submitting a restore job exactly once, with durable, audited retries.
//
// A job is ours only if our create made it. Before the first create, and again before each create that follows a
// foreign 409, a listing records which jobs of this snapshot into this target Atlas holds (the baseline): none of
// them is ever ours, however recent. After a create whose answer is ambiguous (timeout, 5xx, reset, garbled) or a
// 409, a lookup adopts a matching job that is not in the baseline: a foreign create in the seconds between our listing and our create's
// lookup would have made one of the two creates answer 409 (Atlas runs one restore into a target at a time), so the
// new job is ours (a 409 can come for our own job: a create that went through, answered 409). A 409 whose lookup
// finds nothing new is a foreign restore: the long backoff waits it out, and the listing before the next create
// takes in whatever ran meanwhile. A 429 means Atlas did nothing: the same call is asked again after Retry-After
// (workflows/rate-limited.ts), without a lookup and without counting toward the bound on creates. No clock is
// involved. Gives up with NothingSubmitted when Atlas certainly holds no job of ours, so the restore can say
// "nothing was changed".
import {
  ActivityFailure,
  CancellationScope,
  CancelledFailure,
  isCancellation,
  patched,
  sleep,
} from '@temporalio/workflow';
import { describeFailure, failureSummary, type FailureDescription } from '../common/failure';
import { FAILURE } from '../common/failure-types';
import type { SubmitRequest, SubmitResult } from '../common/jobs';
import { findActs, SUBMIT_RETRY, submitActs } from './activity-options';
import type { AuditTrail } from './audit';
import { untilNotRateLimited, type RateLimitView } from './rate-limited';
import { nothingSubmitted, submitBeforeBaseline, waitBeforeNextMs } from './submit-before-baseline';

/**
 * Patch id of the baseline submit (and of waiting out 429s before the job exists, workflows/rate-limited.ts).
 * Restores that began submitting before it keep the old loop (submit-before-baseline.ts), so their histories replay.
 */
export const BASELINE_PATCH = 'submit-baseline';

/** What the loop knows, kept by the caller: for `status`, and for a lookup after an interruption (steps.ts). */
export interface SubmitProgress {
  /** The baseline: jobs of this snapshot into this target that Atlas held before our first create. */
  knownJobIds?: string[];
  /** A create of ours got an ambiguous answer: a new matching job may be ours. */
  mayHaveCreated: boolean;
  /** Where a rate-limited wait is shown. */
  limits: RateLimitView;
}

export async function submitWithRetries(
  req: SubmitRequest,
  audit: AuditTrail,
  summary: string,
  progress: SubmitProgress,
): Promise<SubmitResult> {
  if (!patched(BASELINE_PATCH)) return submitBeforeBaseline(req, audit, summary);
  let known = await baseline(req, audit, summary, 1, progress);
  const ask = (): SubmitRequest => ({ ...req, knownJobIds: known });
  let conflicts = 0;
  let transients = 0;
  for (let attempt = 1; ; attempt++) {
    if (CancellationScope.current().consideredCancelled) throw new CancelledFailure('cancelled before submit');
    let d: FailureDescription;
    try {
      // A create runs to its end even if the restore is cancelled or its deadline passes meanwhile: a create that
      // Atlas may be carrying out must report its job, or the restore would not know the job it started. The waits
      // between 429s are cancellable: nothing is under way then.
      return await untilNotRateLimited(progress.limits, audit, 'create', () =>
        CancellationScope.nonCancellable(() =>
          submitActs.submitRestore.executeWithOptions({ summary: `${summary} (attempt ${attempt})` }, [ask()]),
        ),
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
    // A definite refusal (auth, bad request, wrong API): this create made nothing, and another will not either.
    // (An earlier ambiguous create was settled by the lookup that followed it.)
    if (d.nonRetryable) throw nothingSubmitted(attempt, d);
    const conflict = d.type === FAILURE.conflict;
    if (conflict) {
      conflicts++;
      const ours = await lookup(ask(), audit, summary, attempt, progress);
      if (ours) return { ...ours, via: 'adopted-after-conflict' };
      // Foreign: an earlier ambiguous create of ours made nothing either, or its job would be listed now.
      progress.mayHaveCreated = false;
    } else {
      progress.mayHaveCreated = true;
      transients++;
    }
    if (attempt >= SUBMIT_RETRY.maxAttempts) {
      // A last lookup settles an ambiguous final create one way or the other.
      if (!conflict) {
        const last = await lookup(ask(), audit, summary, attempt + 1, progress);
        if (last) return last;
      }
      throw nothingSubmitted(attempt, d);
    }
    const delayMs = waitBeforeNextMs(d, conflicts, transients, attempt);
    const delayS = Math.round(delayMs / 100) / 10;
    audit.add(
      'retry',
      `submit again in ${delayS}s${d.retryAfterS ? ` (Retry-After ${d.retryAfterS}s)` : ''}${conflict ? ' (another restore into the target is running)' : ''}`,
      { attempt: attempt + 1, delayS },
    );
    await sleep(delayMs, { summary: `Back off ${delayS}s before submit attempt ${attempt + 1}` });
    if (conflict) {
      // Whatever ran into the target meanwhile is someone else's: the baseline for the next create.
      known = await baseline(req, audit, summary, attempt + 1, progress);
    } else {
      // After an ambiguous create, look before creating again; nothing new means it made nothing.
      const found = await lookup(ask(), audit, summary, attempt + 1, progress);
      if (found) return found;
      progress.mayHaveCreated = false;
    }
  }
}

/** The jobs of this request before a create: none of them is ours. If Atlas cannot say, nothing was submitted. */
async function baseline(
  req: SubmitRequest,
  audit: AuditTrail,
  summary: string,
  attempt: number,
  progress: SubmitProgress,
): Promise<string[]> {
  const ids = (
    await safeRead('listing the jobs into the target', attempt, audit, progress, () =>
      findActs.listMatchingJobs.executeWithOptions(
        { summary: `${summary}: jobs of this snapshot into the target before creating (not ours)` },
        [req],
      ),
    )
  ).jobIds;
  progress.knownJobIds = ids;
  audit.add(
    'submit-attempt',
    ids.length
      ? `before creating: Atlas holds ${ids.length} job(s) of this snapshot into the target (${ids.join(', ')}); none of them is ours`
      : 'before creating: Atlas holds no job of this snapshot into the target',
    { beforeAttempt: attempt, knownJobs: ids.length },
  );
  return ids;
}

/**
 * The safe reads (their activity retries transient errors in seconds; 429s are waited out). When one still fails, a
 * job of ours may exist only if a create was ambiguous (then the ActivityFailure goes to the caller as is, which
 * looks once more before saying anything), otherwise nothing was submitted.
 */
async function safeRead<T>(
  what: string,
  attempt: number,
  audit: AuditTrail,
  progress: SubmitProgress,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await untilNotRateLimited(progress.limits, audit, what, read);
  } catch (e) {
    if (isCancellation(e) || !(e instanceof ActivityFailure)) throw e;
    const d = describeFailure(e);
    audit.add('submit-attempt', `attempt ${attempt}: ${what} failed: ${failureSummary(d)}`, {
      attempt,
      type: d.type,
      status: d.status,
      errorCode: d.errorCode,
      retryAfterS: d.retryAfterS,
    });
    if (progress.mayHaveCreated) throw e;
    throw nothingSubmitted(Math.max(0, attempt - 1), d);
  }
}

const lookup = (req: SubmitRequest, audit: AuditTrail, summary: string, attempt: number, p: SubmitProgress) =>
  safeRead('looking for our job', attempt, audit, p, () =>
    findActs.findSubmittedJob.executeWithOptions({ summary: `${summary}: look for our job (attempt ${attempt})` }, [
      req,
    ]),
  );
