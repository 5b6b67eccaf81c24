// The simplest restore orchestrator a team would write on Temporal: create the restore job, then read it every
// 10 s (a fixed timer, no backoff, no preflight, no learning) until it is done. The benchmark runs it for real,
// against the same simulator and on the same restore durations as ours. Workflow code: deterministic, no I/O.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { FixedTimerActivities } from './fixed-timer-activities';

export interface FixedTimerInput {
  backend: 'tenant' | 'flex';
  projectId: string;
  clusterName: string;
  snapshotId: string;
  targetClusterName: string;
  /** The fixed poll interval, ms of wall time (10 s divided by the benchmark's time scale). */
  intervalMs: number;
}

export interface FixedTimerResult {
  jobId: string;
  status: string;
  polls: number;
}

const acts = proxyActivities<FixedTimerActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s' },
});

export async function fixedTimerRestoreWorkflow(i: FixedTimerInput): Promise<FixedTimerResult> {
  const jobId = await acts.createRestoreJob(i);
  for (let polls = 1; ; polls++) {
    await sleep(i.intervalMs);
    const status = await acts.readRestoreJob({
      backend: i.backend,
      projectId: i.projectId,
      clusterName: i.clusterName,
      jobId,
    });
    if (status === 'COMPLETED' || status === 'FAILED') return { jobId, status, polls };
  }
}
