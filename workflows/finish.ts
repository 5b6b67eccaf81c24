// Finishing a restore: the bookkeeping every ending does (the outcome where operators look, metrics, the
// notification, the result), and how the ending shows in Temporal:
// - COMPLETED and DRY_RUN return the RestoreResult;
// - CANCELLED (a cancel request) closes the workflow as Canceled. SDK 1.24 sends a workflow's cancellation without
//   details, so the result is stored in the memo (`restoreResult`, with a shortened audit trail) just before;
//   restoreResultOf (client/result.ts) reads it back;
// - every other outcome fails the workflow with the outcome as the failure type and the result as its details
//   (common/outcome.ts), so the UI's Failed filter and the result agree.
import {
  CancellationScope,
  CancelledFailure,
  getExternalWorkflowHandle,
  log,
  patched,
  metricMeter,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Outcome } from '../common/constants';
import { childCancelledSignal } from './batch-definitions';
import { SA } from '../common/constants';
import { eventTypeOf } from '../common/events';
import { isSuccess, memoResult, outcomeFailure } from '../common/outcome';
import type { RestoreResult, TargetChanged } from '../common/result';
import { nowIso, nowMs } from './clock';
import { notifyEvent } from './notify';
import { verificationSummary } from './verify';
import type { RestoreState } from './state';

export type Interruption = 'cancel' | 'deadline';

/**
 * How the restore ended, before finishing: the outcome, the reason, whether the saga runs, whether it was a cancel,
 * and what it did to the target (TargetChanged). An ending before any job is made by nothingChanged, which writes
 * the phrase into the reason; any other ending without `targetChanged` counts as `job` when a job exists, else as
 * `unconfirmed` (never as "nothing was changed").
 */
export type Ending = UnchangedEnding | ChangedEnding;

interface EndingBase {
  outcome: Outcome;
  /** A cancel request: close the workflow as Canceled. */
  cancelled?: boolean;
}

/** Before any job: Atlas was not asked to change the target, and the reason says so. */
interface UnchangedEnding extends EndingBase {
  targetChanged: 'no';
  reason: NothingChangedReason;
  undo?: never;
}

interface ChangedEnding extends EndingBase {
  targetChanged?: Exclude<TargetChanged, 'no'>;
  reason?: string;
  /** Run the saga's undos first (the job FAILED). */
  undo?: boolean;
}

const NOTHING_CHANGED = 'nothing was changed';
declare const saysNothingChanged: unique symbol;
/** A reason that says "nothing was changed": only nothingChanged makes one. */
type NothingChangedReason = string & { readonly [saysNothingChanged]: true };

/**
 * An ending before any job exists: `say` places the phrase in the reason (appended if it does not). The one place the
 * phrase is written.
 */
export function nothingChanged(
  outcome: Outcome,
  say: (nothing: typeof NOTHING_CHANGED) => string,
  o: { cancelled?: boolean } = {},
): UnchangedEnding {
  const said = say(NOTHING_CHANGED);
  const reason = (said.includes(NOTHING_CHANGED) ? said : `${said}; ${NOTHING_CHANGED}`) as NothingChangedReason;
  return { outcome, reason, targetChanged: 'no', ...o };
}

export async function finish(st: RestoreState, ending: Ending): Promise<RestoreResult> {
  const { outcome, reason } = settle(st, ending);
  st.outcome = outcome;
  st.nextPollAt = undefined;
  st.audit.add('finished', `${outcome}${reason ? `: ${reason}` : ''}`, { outcome });
  st.enter('DONE');
  const w = st.carried.main;
  // The Atlas-side duration of a completed restore feeds the polling schedule of the next one into this target.
  const from = st.carried.restoreScheduledDate ?? w?.submittedAt;
  const atlasS =
    w?.restoreFinishedDate && from ? (Date.parse(w.restoreFinishedDate) - Date.parse(from)) / 1000 : undefined;
  if (outcome === 'COMPLETED' && atlasS && atlasS > 0) upsertSearchAttributes([{ key: SA.durationS, value: atlasS }]);
  const durationS = (nowMs() - Date.parse(st.carried.startedAt)) / 1000;
  metricMeter.createCounter('atlas_restore_outcomes', '1', 'finished restores by outcome').add(1, { outcome });
  metricMeter
    .createHistogram('atlas_restore_duration_seconds', 'float', 's', 'restore duration, start to outcome')
    .record(durationS, { backend: st.carried.backend ?? 'unknown', outcome });
  log.info(`restore finished: ${outcome}`, { target: st.req.targetClusterName, outcome, reason });
  // Every terminal outcome is told (the activity filters by configuration); a failed delivery is only audited.
  await notifyEvent(st, eventTypeOf(outcome), {
    outcome,
    reason,
    ...(st.verification ? { verification: verificationSummary(st.verification) } : {}),
  });

  const info = workflowInfo();
  const result: RestoreResult = {
    workflowId: info.workflowId,
    runId: info.runId,
    outcome,
    reason,
    targetChanged: ending.targetChanged ?? (w ? 'job' : 'unconfirmed'),
    backend: st.carried.backend,
    restoreJobId: w?.job.jobId,
    restoreFinishedDate: w?.restoreFinishedDate,
    jobStatus: w?.status,
    checks: st.carried.checks,
    compensations: st.carried.compensations,
    recoveryPoint: st.carried.recoveryPoint,
    approvedBy: st.carried.approvedBy,
    ...(st.carried.policy ? { policy: st.carried.policy } : {}),
    polls: w?.polls ?? 0,
    ...(st.verification ? { verification: st.verification } : {}),
    startedAt: st.carried.startedAt,
    finishedAt: nowIso(),
    audit: st.audit.events,
  };
  if (ending.cancelled) {
    upsertMemo({ restoreResult: memoResult(result) });
    await tellBatch(result);
    throw new CancelledFailure(reason ?? 'cancelled');
  }
  if (!isSuccess(outcome)) throw outcomeFailure(result);
  return result;
}

/** Patch id of a cancelled restore telling its batch (its parent) which job it leaves running. */
const TELL_BATCH_PATCH = 'cancelled-child-tells-batch';

/**
 * A batch's restore closes as Canceled without details: it signals the batch its reason and job first (and waits for
 * the signal to be recorded, so the batch has it before it sees the close). A batch that is gone changes nothing.
 */
async function tellBatch(r: RestoreResult): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent || !patched(TELL_BATCH_PATCH)) return;
  await CancellationScope.nonCancellable(() =>
    getExternalWorkflowHandle(parent.workflowId, parent.runId).signal(childCancelledSignal, {
      workflowId: r.workflowId,
      reason: r.reason,
      restoreJobId: r.restoreJobId,
    }),
  ).catch(() => undefined);
}

/** The final outcome and reason once the saga ran: an undo that failed turns COMPENSATED into FAILED. */
function settle(st: RestoreState, e: Ending): { outcome: Outcome; reason?: string } {
  const steps = st.carried.compensations;
  const failed = steps.filter((s) => s.status === 'failed');
  if (steps.length) {
    const what = failed.length
      ? `clean-up failed: ${failed.map((s) => s.detail).join('; ')}`
      : `cleaned up: ${steps.map((s) => s.detail).join('; ')}`;
    return {
      outcome: failed.length && e.outcome === 'COMPENSATED' ? 'FAILED' : e.outcome,
      reason: `${e.reason ?? e.outcome}; ${what}`,
    };
  }
  if (e.undo) {
    const why = !st.req.rollbackOnFailure
      ? 'rollbackOnFailure was not asked for'
      : 'there was no pre-restore recovery point';
    return {
      outcome: e.outcome,
      reason: `${e.reason ?? e.outcome}; nothing to undo (${why}): the target is as the failed job left it`,
    };
  }
  return e;
}
