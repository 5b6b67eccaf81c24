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
  /** Adopt a job for the same snapshot and target scheduled at or after this time (workflow start, ISO). */
  notBefore: string;
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
