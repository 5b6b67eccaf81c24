// Submit exactly once. Before creating, look for a job we may already have created (a retry after a timeout or a
// 500-after-commit lands here) and adopt it; after a 409, look again: our own job is adopted, a foreign one is a
// conflict the workflow waits out within a bound.
import { AtlasClient, RestoreJob } from '../atlas/client';
import { AtlasApiError } from '../atlas/errors';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE, toFailure } from './failures';
import type { JobRef, JobView, SubmitRequest, SubmitResult } from './types';

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

const result = (j: RestoreJob, via: SubmitResult['via']): SubmitResult => ({ jobId: j.id, status: j.status, restoreScheduledDate: j.restoreScheduledDate, via });

export async function submitRestore(atlas: AtlasClient, r: SubmitRequest): Promise<SubmitResult> {
  try {
    const existing = findOurs(await atlas.listRestoreJobs(r.backend, r.projectId, r.clusterName), r);
    if (existing) return result(existing, 'adopted-existing');
    try {
      const job = await atlas.createRestore(r.backend, r.projectId, r.clusterName, {
        snapshotId: r.snapshotId,
        targetClusterName: r.targetClusterName,
        targetProjectId: r.targetProjectId,
      });
      return result(job, 'created');
    } catch (e) {
      if (e instanceof AtlasApiError && e.errorClass === 'conflict') {
        const ours = findOurs(await atlas.listRestoreJobs(r.backend, r.projectId, r.clusterName), r);
        if (ours) return result(ours, 'adopted-after-conflict');
        throw ApplicationFailure.create({
          message: `another restore into ${r.targetClusterName} is in progress (${e.errorCode})`,
          type: FAILURE.conflict,
          details: [{ status: e.status, errorCode: e.errorCode, operation: e.operation, foreign: true }],
        });
      }
      throw e;
    }
  } catch (e) {
    throw e instanceof ApplicationFailure ? e : toFailure(e);
  }
}

/** Lookup only: the job an attempt of this request created, if any (after a cancel or deadline mid-submit). */
export async function findSubmittedJob(atlas: AtlasClient, r: SubmitRequest): Promise<SubmitResult | null> {
  try {
    const ours = findOurs(await atlas.listRestoreJobs(r.backend, r.projectId, r.clusterName), r);
    return ours ? result(ours, 'adopted-existing') : null;
  } catch (e) {
    throw toFailure(e);
  }
}

export async function getRestoreJob(atlas: AtlasClient, r: JobRef): Promise<JobView> {
  try {
    const j = await atlas.getRestoreJob(r.backend, r.projectId, r.clusterName, r.jobId);
    return { jobId: j.id, status: j.status, restoreFinishedDate: j.restoreFinishedDate, restoreScheduledDate: j.restoreScheduledDate };
  } catch (e) {
    throw toFailure(e);
  }
}
