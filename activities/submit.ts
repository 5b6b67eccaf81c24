// Submit exactly once, in the kinds of call the workflow (workflows/submit.ts) combines: the baseline (which jobs of
// this request Atlas holds before our first create: never ours), a safe lookup for a job our create may have made
// (retried in seconds), and the create (ambiguous when it fails: tried once, then looked up).
// Errors pass out as they are; activities/index.ts turns them into failures.
import type { AtlasClient, RestoreJob } from '../atlas/client';
import type { JobRef, JobView, MatchingJobs, SubmitRequest, SubmitResult } from '../common/jobs';

/** Restores started before the baseline only: clocks differ, so a job scheduled this long before our start counts. */
const CLOCK_SKEW_MS = 60_000;

/** Jobs of this snapshot into this target (the source cluster's list holds every target's). */
const matching = (jobs: RestoreJob[], r: SubmitRequest): RestoreJob[] =>
  jobs.filter(
    (j) =>
      j.snapshotId === r.snapshotId &&
      j.targetClusterName === r.targetClusterName &&
      (j.targetProjectId ?? r.projectId) === r.targetProjectId,
  );

/**
 * Ours: with a baseline, a matching job that was not there before our first create (the earliest, should a foreign
 * one have slipped in too); without one (restores started before it), the old rule of a time window.
 */
function findOurs(jobs: RestoreJob[], r: SubmitRequest): RestoreJob | undefined {
  const known = r.knownJobIds ? new Set(r.knownJobIds) : undefined;
  const notBefore = Date.parse(r.notBefore) - CLOCK_SKEW_MS;
  return matching(jobs, r)
    .filter((j) =>
      known
        ? !known.has(j.id)
        : j.restoreScheduledDate !== undefined && Date.parse(j.restoreScheduledDate) >= notBefore,
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

/** The baseline: every job of this snapshot into this target that Atlas holds now. */
export async function listMatchingJobs(atlas: AtlasClient, r: SubmitRequest): Promise<MatchingJobs> {
  const jobs = matching(await atlas.listRestoreJobs(r.backend, r.projectId, r.clusterName), r);
  return { jobIds: jobs.map((j) => j.id) };
}

/** Lookup only: the job an earlier create of this request made, if any. */
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
