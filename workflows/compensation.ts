// The saga's undo side. Runs when a restore fails after submit, when conflicts or errors exhaust their retries, when
// the deadline passes or the workflow is cancelled after submit. Non-cancellable: a cancel must not interrupt the
// clean-up it caused. Every step is recorded, done, skipped or failed, with why.
import { CancellationScope, sleep, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { Outcome, SA } from '../common/constants';
import type { CompensationStep } from '../common/result';
import { pollActs, sideActs } from './activity-options';
import { submitWithRetries } from './submit';
import { nowIso, nowMs } from './clock';
import { RestoreState } from './state';

/** How long a rollback restore may take before we stop waiting for it. */
const ROLLBACK_MAX_WAIT_S = 6 * 3600;

export async function compensate(st: RestoreState, outcome: Outcome, reason: string): Promise<CompensationStep[]> {
  return CancellationScope.nonCancellable(async () => {
    st.enter('COMPENSATING');
    const steps: CompensationStep[] = [];
    const record = (s: CompensationStep) => {
      steps.push(s);
      st.audit.add('compensation', `${s.step}: ${s.status} - ${s.detail}`, { step: s.step, status: s.status });
    };

    // 1. Mark the outcome where operators look: the search attribute and the UI's details.
    st.outcome = outcome;
    upsertSearchAttributes([{ key: SA.outcome, value: outcome }]);
    record({ step: 'mark-outcome', status: 'done', detail: `${outcome}: ${reason}` });

    // 2. Release the target: this workflow's id is the per-target lock; ending it frees the target for the next
    //    restore. Atlas has no API to cancel a running restore job, so say plainly if one is still running.
    const stillRunning = st.c.jobId && st.c.jobStatus !== 'COMPLETED' && st.c.jobStatus !== 'FAILED';
    record({
      step: 'release-target',
      status: 'done',
      detail: stillRunning
        ? `target released; Atlas job ${st.c.jobId} was ${st.c.jobStatus ?? 'unknown'} and cannot be cancelled through the API`
        : 'target released',
    });

    // 3. Tell people.
    try {
      const r = await sideActs.notify.executeWithOptions({ summary: 'Notify webhook of the outcome' }, [
        {
          workflowId: workflowInfo().workflowId,
          outcome,
          reason,
          targetProjectId: st.targetProjectId,
          targetClusterName: st.input.targetClusterName,
          restoreJobId: st.c.jobId,
        },
      ]);
      record({ step: 'notify', status: r.startsWith('skipped') ? 'skipped' : 'done', detail: r });
    } catch (e) {
      record({ step: 'notify', status: 'failed', detail: messageOf(e) });
    }

    // 4. Put the old data back, when asked to and when it is possible.
    if (!st.input.rollbackOnFailure) record({ step: 'rollback-restore', status: 'skipped', detail: 'rollbackOnFailure not requested' });
    else if (!st.c.recoveryPoint) record({ step: 'rollback-restore', status: 'skipped', detail: 'no pre-restore recovery point' });
    else if (stillRunning) record({ step: 'rollback-restore', status: 'skipped', detail: `job ${st.c.jobId} still running; a second restore would conflict` });
    else if (!st.c.jobId) record({ step: 'rollback-restore', status: 'skipped', detail: 'nothing was restored, so the target still has its data' });
    else record(await rollback(st));

    st.compensations = steps;
    return steps;
  });
}

async function rollback(st: RestoreState): Promise<CompensationStep> {
  const rp = st.c.recoveryPoint!;
  try {
    const sub = await submitWithRetries(
      {
        backend: rp.backend,
        projectId: st.targetProjectId,
        clusterName: st.input.targetClusterName,
        snapshotId: rp.snapshotId,
        targetProjectId: st.targetProjectId,
        targetClusterName: st.input.targetClusterName,
        notBefore: nowIso(),
      },
      st.audit,
      `Rollback: restore ${st.input.targetClusterName} from its own snapshot`,
    );
    const started = nowMs();
    let delayS = 5;
    while ((nowMs() - started) / 1000 < ROLLBACK_MAX_WAIT_S) {
      await sleep(delayS * 1000, { summary: 'Wait before polling the rollback restore' });
      const job = await pollActs.getRestoreJob({ backend: rp.backend, projectId: st.targetProjectId, clusterName: st.input.targetClusterName, jobId: sub.jobId });
      if (job.status === 'COMPLETED') return { step: 'rollback-restore', status: 'done', detail: `target restored from snapshot ${rp.snapshotId} (job ${sub.jobId})` };
      if (job.status === 'FAILED') return { step: 'rollback-restore', status: 'failed', detail: `rollback job ${sub.jobId} FAILED` };
      delayS = Math.min(60, delayS * 1.5);
    }
    return { step: 'rollback-restore', status: 'failed', detail: `rollback job ${sub.jobId} did not finish within ${ROLLBACK_MAX_WAIT_S}s` };
  } catch (e) {
    return { step: 'rollback-restore', status: 'failed', detail: messageOf(e) };
  }
}

export function messageOf(e: unknown): string {
  const err = e as { cause?: { message?: string }; message?: string };
  return err?.cause?.message ?? err?.message ?? String(e);
}
