// Restore-job shapes shared by the activities and the workflows: what we submit, and how we refer to and see a job.
// Plain JSON (recorded in workflow history: no secrets, ever). Workflow-safe.
import type { Backend } from './types';

/** Source, snapshot and target of one restore. */
export interface RestoreTarget {
  projectId: string;
  clusterName: string;
  snapshotId: string;
  targetProjectId: string;
  targetClusterName: string;
}

export interface SubmitRequest extends RestoreTarget {
  backend: Backend;
  /**
   * Restores started before the baseline (workflows/submit.ts): adopt a job for the same snapshot and target
   * scheduled at or after this time (ISO), less a minute of clock skew. Ignored when `knownJobIds` is given.
   */
  notBefore: string;
  /**
   * The jobs of this snapshot into this target that Atlas held before our first create: never ours. With it, a job
   * is adopted only if it is not one of these; no clock is involved.
   */
  knownJobIds?: string[];
}

/** What Atlas holds for one request: the ids of the jobs of this snapshot into this target. */
export interface MatchingJobs {
  jobIds: string[];
}

export interface SubmitResult {
  jobId: string;
  status: string;
  restoreScheduledDate?: string;
  /** How we got the job: created now, found by the pre-create lookup, or found after a 409. */
  via: 'created' | 'adopted-existing' | 'adopted-after-conflict';
}

export interface JobRef {
  backend: Backend;
  projectId: string;
  clusterName: string;
  jobId: string;
}

export interface JobView {
  jobId: string;
  status: string;
  restoreFinishedDate?: string;
  restoreScheduledDate?: string;
}
