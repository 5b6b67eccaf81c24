// Submit exactly once, in two kinds of call the workflow (workflows/submit.ts) combines: a safe lookup for the job a
// request already has (retried in seconds), and the create (ambiguous when it fails: tried once, then looked up).
// Errors pass out as they are; activities/index.ts turns them into failures.
import type { AtlasClient, RestoreJob } from '../atlas/client';
import type { JobRef, JobView, SubmitRequest, SubmitResult } from '../common/jobs';

/** Clocks differ between Atlas and the worker: accept a job scheduled this long before our start. */
const CLOCK_SKEW_MS = 60_000;

function findOurs(jobs: RestoreJob[], r: SubmitRequest): RestoreJob | undefined {
  const notBefore = Date.parse(r.notBefore) - CLOCK_SKEW_MS;
  return jobs
    .filter(
      (j) =>
        j.snapshotId === r.snapshotId &&
        j.targetClusterName === r.targetClusterName &&
        (j.targetProjectId ?? r.projectId) === r.targetProjectId &&
        j.restoreScheduledDate !== undefined &&
        Date.parse(j.restoreScheduledDate) >= notBefore,
    )
    .sort((a, b) => (a.restoreScheduledDate ?? '').localeCompare(b.restoreScheduledDate ?? ''))[0];
}

const result = (j: RestoreJob, via: SubmitResult['via']): SubmitResult => ({
  jobId: j.id,
  status: j.status,
  restoreScheduledDate: j.restoreScheduledDate,
  via,
});

/** Create only: one POST. A failure may or may not have created the job; the workflow looks before it tries again. */
export async function createRestoreJob(atlas: AtlasClient, r: SubmitRequest): Promise<SubmitResult> {
  const job = await atlas.createRestore(r.backend, r.projectId, r.clusterName, {
    snapshotId: r.snapshotId,
    targetClusterName: r.targetClusterName,
    targetProjectId: r.targetProjectId,
  });
  return result(job, 'created');
}

/** Lookup only: the job an earlier attempt of this request created, if any. */
export async function findSubmittedJob(atlas: AtlasClient, r: SubmitRequest): Promise<SubmitResult | null> {
  const ours = findOurs(await atlas.listRestoreJobs(r.backend, r.projectId, r.clusterName), r);
  return ours ? result(ours, 'adopted-existing') : null;
}

export async function getRestoreJob(atlas: AtlasClient, r: JobRef): Promise<JobView> {
  const j = await atlas.getRestoreJob(r.backend, r.projectId, r.clusterName, r.jobId);
  return {
    jobId: j.id,
    status: j.status,
    restoreFinishedDate: j.restoreFinishedDate,
    restoreScheduledDate: j.restoreScheduledDate,
  };
}
