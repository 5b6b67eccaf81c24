// The steps of a restore before the wait: the read-only checks (again after approval), the approval gate, learning
// from earlier restores, and the one submit. Each returns an Ending when the restore stops there; before a job exists
// every such ending says "nothing was changed" (nothingChanged, workflows/finish.ts), unless a create may have made one.
import { CancellationScope, condition, isCancellation, patched } from '@temporalio/workflow';
import { describeFailure } from '../common/failure';
import type { Backend } from '../common/types';
import { findActs, preflightActs, sideActs } from './activity-options';
import { nowIso, nowMs } from './clock';
import { pushUndo } from './compensation';
import type { Ending } from './finish';
import { nothingChanged } from './finish';
import { notifyEvent } from './notify';
import { expectationFrom, type Expectation } from '../common/expectation';
import type { RestoreState } from './state';
import { newWatch } from './state';
import { BASELINE_PATCH, submitWithRetries } from './submit';
import { untilNotRateLimited } from './rate-limited';

/** Read-only checks of source, snapshot and target; round 2 re-checks after approval. Returns an ending if they fail. */
export async function preflight(st: RestoreState, round: 1 | 2): Promise<Ending | undefined> {
  const req = st.req;
  st.enter('PREFLIGHT');
  if (round === 2) st.audit.add('recheck', 'approved: running the read-only checks again before submitting');
  const checks = () =>
    preflightActs.preflight.executeWithOptions(
      {
        summary: `Preflight${round === 2 ? ' (after approval)' : ''}: read-only checks of source, snapshot and target`,
      },
      [
        {
          projectId: req.projectId,
          clusterName: req.clusterName,
          snapshotId: req.snapshotId,
          targetProjectId: req.targetProjectId,
          targetClusterName: req.targetClusterName,
          backend: req.backend,
          rollbackOnFailure: req.rollbackOnFailure,
        },
      ],
    );
  let report;
  try {
    // Reads that Atlas answers 429 until the activity's retries run out are asked again until the deadline.
    report = patched(BASELINE_PATCH) ? await untilNotRateLimited(st, st.audit, 'preflight', checks) : await checks();
  } catch (e) {
    if (isCancellation(e)) throw e;
    const d = describeFailure(e);
    return nothingChanged(
      'FAILED',
      (n) => `the preflight checks could not be completed (${d.message})${d.hint ? `; ${d.hint}` : ''}; ${n}`,
    );
  }
  if (report.policy && round === 1) {
    st.carried.policy = report.policy;
    const p = report.policy;
    st.audit.add(
      'policy',
      p.mode === 'open'
        ? 'open mode: the worker has no restore policy (ATLAS_RESTORE_POLICY); identities unverified'
        : `restore policy ${p.digest}${p.rule ? `, rule '${p.rule}'` : ', no matching rule'}${p.approvers ? `: approval by ${p.approvers} required` : ''}`,
      p.mode === 'open'
        ? { mode: 'open' }
        : { mode: 'enforced', digest: p.digest, rule: p.rule, approvers: p.approvers },
    );
  }
  st.carried.checks = report.checks;
  st.carried.backend = report.backend;
  st.carried.recoveryPoint = report.recoveryPoint;
  st.carried.plan = report.plan;
  for (const c of report.checks)
    st.audit.add('check', `${c.name}: ${c.status} (${c.evidence})`, { check: c.name, status: c.status, round });
  const failed = report.checks.filter((c) => c.status === 'fail');
  st.audit.add(
    'preflight',
    `${round === 2 ? 'after approval: ' : ''}${failed.length ? `${failed.length} check(s) failed` : 'all checks passed'}`,
    { plan: report.plan, round },
  );
  st.publish();
  if (failed.length || !report.backend)
    return nothingChanged(
      'PREFLIGHT_FAILED',
      (n) =>
        `preflight ${round === 2 ? 'after approval ' : ''}failed, ${n}: ${failed.map((c) => `${c.name} (${c.evidence})`).join('; ') || 'no restore API found for the source'}`,
    );
  return undefined;
}

/** Patch id of the approval timer that carries a summary (the UI's timeline names it instead of "2 (1h)"). */
const APPROVAL_TIMER_PATCH = 'approval-timer-summary';

/** Waits for an approve/reject update, up to the approval timeout. Returns an ending unless approved. */
export async function approval(st: RestoreState): Promise<Ending | undefined> {
  const req = st.req;
  st.awaitingApproval = true;
  st.approvalTimeoutAt = new Date(nowMs() + req.approvalTimeoutS * 1000).toISOString();
  st.enter('AWAITING_APPROVAL');
  st.audit.add(
    'approval-requested',
    `waiting for approval until ${st.approvalTimeoutAt} (requester ${req.requester ?? 'unknown'})`,
  );
  await notifyEvent(st, 'restore.approval_requested', {
    reason: `approve or reject before ${st.approvalTimeoutAt}: would ${st.carried.plan ?? 'restore'}`,
  });
  const decided = patched(APPROVAL_TIMER_PATCH)
    ? await condition(() => st.decision !== undefined, req.approvalTimeoutS * 1000, {
        summary: `Approval timeout: REJECTED at ${st.approvalTimeoutAt} unless approved`,
      })
    : await condition(() => st.decision !== undefined, req.approvalTimeoutS * 1000);
  st.awaitingApproval = false;
  const d = decided ? st.decision : undefined;
  if (!d) {
    st.audit.add('approval-timeout', 'no decision before the approval timeout');
    return nothingChanged(
      'REJECTED',
      (n) =>
        `nobody approved the restore before the approval timeout; ${n}; start it again when an approver is available`,
    );
  }
  const note = `${d.by}${d.note ? `: ${d.note}` : ''}`;
  if (!d.approved) {
    st.audit.add('rejected', `rejected by ${note}`, { by: d.by });
    return nothingChanged('REJECTED', (n) => `rejected by ${note}; ${n}`);
  }
  st.carried.approvedBy = d.by;
  st.audit.add('approved', `approved by ${note}`, { by: d.by });
  return undefined;
}

/**
 * Patch id of the schedule that knows how well its spread is measured (spreadDf) and reads the history again at the
 * window. Restores that learned before it keep the old schedule (no spreadDf: the window's floor, no re-read), so
 * their histories replay.
 */
const RELEARN_PATCH = 'schedule-spread-df-relearn';

/** Earlier restores into this target predict this one's duration (adaptive polling). An optimisation: never fails. */
export async function learn(st: RestoreState): Promise<void> {
  if (!st.req.polling.learn) return;
  const e = await readExpectation(st, 'Read durations of earlier restores into this target');
  if (!e) return; // Without it the schedule starts fast and backs off.
  const { spreadDf, spreadHi, ...old } = e;
  Object.assign(st.learned, old);
  if (spreadDf !== undefined && patched(RELEARN_PATCH)) Object.assign(st.learned, { spreadDf, spreadHi });
}

/** The one re-read at the window (workflows/polling.ts relearnDue): a failed read keeps the expectation it had. */
export async function relearn(st: RestoreState): Promise<void> {
  st.learned.relearned = true;
  const e = await readExpectation(st, 'Read durations again: other restores may have measured the spread since');
  if (e) Object.assign(st.learned, e);
}

/** The expectation from the history activity (a visibility read, no Atlas call); undefined if it failed. */
async function readExpectation(st: RestoreState, summary: string): Promise<Expectation | undefined> {
  try {
    const h = await sideActs.restoreDurationHistory.executeWithOptions({ summary }, [
      { targetProjectId: st.req.targetProjectId, targetClusterName: st.req.targetClusterName },
    ]);
    return expectationFrom(h.samplesS, h.pooled);
  } catch (e) {
    if (isCancellation(e)) throw e;
    return undefined;
  }
}

/** Submits exactly once; on success the job exists and its undo is pushed. Returns an ending if nothing was submitted. */
export async function submit(st: RestoreState): Promise<Ending | undefined> {
  const req = st.req;
  // Never so: preflight ends the restore when it found no restore API for the source.
  const backend = st.carried.backend;
  if (!backend)
    return nothingChanged('PREFLIGHT_FAILED', (n) => `preflight failed, ${n}: no restore API found for the source`);
  st.enter('SUBMITTING');
  st.audit.add('submit-attempt', `submitting via the ${backend} API`);
  st.submitRequest = {
    projectId: req.projectId,
    clusterName: req.clusterName,
    snapshotId: req.snapshotId,
    targetProjectId: req.targetProjectId,
    targetClusterName: req.targetClusterName,
    backend,
    notBefore: st.carried.startedAt,
  };
  st.submitProgress = { mayHaveCreated: false, limits: st };
  let sub;
  try {
    sub = await submitWithRetries(
      st.submitRequest,
      st.audit,
      `Submit restore of ${req.snapshotId} into ${req.targetClusterName} (exactly once)`,
      st.submitProgress,
    );
  } catch (e) {
    if (isCancellation(e)) throw e;
    const d = describeFailure(e);
    if (d.submitted === false)
      return nothingChanged(
        'FAILED',
        (n) =>
          `the restore could not be submitted (${d.message})${d.hint ? `; ${d.hint}` : ''}; ${n} on ${req.targetClusterName}`,
      );
    // A create may have gone through: look again before saying anything.
    const found = await lookForJob(st);
    if (found === undefined)
      return {
        outcome: 'FAILED',
        reason: `the restore could not be submitted (${d.message}), and whether Atlas created a job could not be confirmed: check ${req.targetClusterName} in Atlas before retrying`,
        targetChanged: 'unconfirmed',
      };
    if (!found)
      return nothingChanged(
        'FAILED',
        (n) =>
          `the restore could not be submitted (${d.message}); a lookup found no job, so ${n} on ${req.targetClusterName}`,
      );
    return undefined;
  }
  jobKnown(st, backend, sub.jobId, sub.status, sub.via, sub.restoreScheduledDate);
  return undefined;
}

function jobKnown(
  st: RestoreState,
  backend: Backend,
  jobId: string,
  status: string,
  via: string,
  restoreScheduledDate?: string,
): void {
  st.carried.main = newWatch(
    { backend, projectId: st.req.projectId, clusterName: st.req.clusterName, jobId },
    nowIso(),
    status,
  );
  st.carried.restoreScheduledDate = restoreScheduledDate;
  st.audit.add(via === 'created' ? 'submitted' : 'adopted', `restore job ${jobId} (${via})`, { jobId, status, via });
  if (st.req.rollbackOnFailure && st.carried.recoveryPoint)
    pushUndo(st, { kind: 'rollback', recoveryPoint: st.carried.recoveryPoint });
}

/** One look, not cancellable, for a job an interrupted or failed submit may have created. undefined: could not tell. */
export async function lookForJob(st: RestoreState): Promise<boolean | undefined> {
  const req = st.submitRequest;
  if (!req) return false;
  const p = st.submitProgress;
  // With a baseline (workflows/submit.ts), only an ambiguous create can have made a job of ours; none did.
  if (p?.knownJobIds && !p.mayHaveCreated) return false;
  try {
    const found = await CancellationScope.nonCancellable(() =>
      findActs.findSubmittedJob.executeWithOptions({ summary: 'Look for a job an interrupted submit created' }, [
        p?.knownJobIds ? { ...req, knownJobIds: p.knownJobIds } : req,
      ]),
    );
    if (!found) return false;
    jobKnown(st, req.backend, found.jobId, found.status, 'after-interruption');
    return true;
  } catch (e) {
    st.audit.add('retry', `could not check for a job created before the interruption: ${describeFailure(e).message}`);
    return undefined;
  }
}
