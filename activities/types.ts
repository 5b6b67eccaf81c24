// Activity inputs and outputs (plain JSON: they are recorded in workflow history, so no secrets, ever).
import type { Check, RecoveryPoint } from '../common/result';

export type ResolvedBackend = 'tenant' | 'flex';

export interface RestoreTarget {
  projectId: string;
  clusterName: string;
  snapshotId: string;
  targetProjectId: string;
  targetClusterName: string;
}

export interface PreflightRequest extends RestoreTarget {
  backend: 'auto' | ResolvedBackend;
  rollbackOnFailure: boolean;
}

export interface PreflightReport {
  backend?: ResolvedBackend;
  checks: Check[];
  recoveryPoint?: RecoveryPoint;
  /** Short description of source and target, for the plan a dry run shows. */
  plan: string;
}

export interface SubmitRequest extends RestoreTarget {
  backend: ResolvedBackend;
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
  backend: ResolvedBackend;
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

export interface NotifyRequest {
  workflowId: string;
  outcome: string;
  reason?: string;
  targetProjectId: string;
  targetClusterName: string;
  restoreJobId?: string;
}
