// The saga: an undo stack. A step that changes the target and can be undone pushes its undo when it succeeds (the
// submitted restore pushes "restore the target from its pre-restore snapshot" when rollbackOnFailure was asked and a
// recovery point exists); when the restore job FAILED, the saga pops and runs them, last pushed first.
// Undos are data (state.ts's Undo), so the stack survives continue-as-new, and a run may hand over while a rollback
// job is waited for. The saga never runs over a job Atlas is still running (the caller decides only on FAILED), and
// bookkeeping (the outcome, the target's release, the notification) is finishing, not compensation (restore.ts).
import { CancellationScope } from '@temporalio/workflow';
import { describeFailure } from '../common/failure';
import type { CompensationStep } from '../common/result';
import { nowIso, nowMs } from './clock';
import type { Undo } from './carry-schema';
import type { RestoreState } from './state';
import { newWatch } from './state';
import { submitWithRetries } from './submit';
import { verifyAfterRollback } from './verify';
import { waitForJob } from './wait';

/** How long a rollback restore may take before we stop waiting for it. */
const ROLLBACK_MAX_WAIT_S = 6 * 3600;

/** Pushes an undo (the step it undoes has just succeeded). */
export function pushUndo(st: RestoreState, u: Undo): void {
  st.carried.undo.push(u);
  st.audit.add(
    'undo-registered',
    `if the restore fails, the target is restored from its own snapshot ${u.recoveryPoint.snapshotId}`,
    { kind: u.kind, snapshotId: u.recoveryPoint.snapshotId },
  );
}

/**
 * Runs the pending undos, last pushed first; each is recorded in st.carried.compensations. Not cancellable: a cancel must
 * not interrupt the clean-up it caused. Returns 'continue' when this run should hand over (a long rollback wait).
 */
export function compensate(st: RestoreState, mayContinue: boolean): Promise<'done' | 'continue'> {
  return CancellationScope.nonCancellable(async () => {
    for (;;) {
      const u = st.carried.undo.at(-1);
      if (!u) return 'done';
      const step = await runUndo(st, u, mayContinue);
      if (step === 'continue') return 'continue';
      st.carried.undo.pop();
      st.carried.compensations.push(step);
      st.audit.add('compensation', `${step.step}: ${step.status} - ${step.detail}`, {
        step: step.step,
        status: step.status,
      });
    }
  });
}

async function runUndo(st: RestoreState, u: Undo, mayContinue: boolean): Promise<CompensationStep | 'continue'> {
  const rp = u.recoveryPoint;
  const target = st.req.targetClusterName;
  if (!st.carried.rollback) {
    try {
      const sub = await submitWithRetries(
        {
          backend: rp.backend,
          projectId: st.req.targetProjectId,
          clusterName: target,
          snapshotId: rp.snapshotId,
          targetProjectId: st.req.targetProjectId,
          targetClusterName: target,
          notBefore: nowIso(),
        },
        st.audit,
        `Rollback: restore ${target} from its own snapshot`,
        { mayHaveCreated: false, limits: st },
      );
      st.carried.rollback = newWatch(
        { backend: rp.backend, projectId: st.req.targetProjectId, clusterName: target, jobId: sub.jobId },
        nowIso(),
        sub.status,
      );
      st.audit.add(sub.via === 'created' ? 'submitted' : 'adopted', `rollback job ${sub.jobId} (${sub.via})`, {
        jobId: sub.jobId,
        purpose: 'rollback',
        via: sub.via,
      });
    } catch (e) {
      const d = describeFailure(e);
      const nothing =
        d.submitted === false
          ? 'no rollback job was created'
          : 'a rollback job may or may not have been created; check the target in Atlas';
      return {
        step: 'rollback-restore',
        status: 'failed',
        detail: `could not submit the rollback from snapshot ${rp.snapshotId} (${d.message}); ${nothing}`,
      };
    }
  }
  const w = st.carried.rollback;
  const end = await waitForJob(st, w, {
    purpose: 'rollback',
    policy: st.req.polling,
    untilMs: Date.parse(w.submittedAt) + ROLLBACK_MAX_WAIT_S * 1000,
    mayContinue,
  });
  if (!end.done) {
    if (end.reason === 'continue') return 'continue';
    return {
      step: 'rollback-restore',
      status: 'failed',
      detail: `rollback job ${w.job.jobId} did not finish within ${ROLLBACK_MAX_WAIT_S}s (last status ${w.status ?? 'unknown'}, ${Math.round((nowMs() - Date.parse(w.submittedAt)) / 1000)}s after submit)`,
    };
  }
  if (end.status === 'FAILED')
    return {
      step: 'rollback-restore',
      status: 'failed',
      detail: `rollback job ${w.job.jobId} FAILED: the target's data is as that job left it; check it in Atlas`,
    };
  const restored = `target restored from its own snapshot ${rp.snapshotId} (job ${w.job.jobId})${end.note ? `; ${end.note}` : ''}`;
  // Behind its patch: a rollback counts as done only if the target it put back passes verification.
  const verified = await verifyAfterRollback(st, w.job.jobId);
  if (verified && !verified.passed) return { step: 'rollback-restore', status: 'failed', detail: verified.detail };
  return { step: 'rollback-restore', status: 'done', detail: verified ? `${restored}; ${verified.detail}` : restored };
}
