// Activity inputs and outputs (plain JSON: they are recorded in workflow history, so no secrets, ever).
// The job shapes shared with the workflows live in common/jobs.ts; re-exported here for the activities' callers.
import type { Check, PolicyApplied, RecoveryPoint } from '../common/result';
import type { Backend } from '../common/types';
import type { RestoreTarget } from '../common/jobs';

export type { JobRef, JobView, MatchingJobs, RestoreTarget, SubmitRequest, SubmitResult } from '../common/jobs';

export interface PreflightRequest extends RestoreTarget {
  backend: 'auto' | Backend;
  rollbackOnFailure: boolean;
}

export interface PreflightReport {
  backend?: Backend;
  checks: Check[];
  recoveryPoint?: RecoveryPoint;
  /** Short description of source and target, for the plan a dry run shows. */
  plan: string;
  /** What the worker's restore policy says about the target (absent from workers before issue 21). */
  policy?: PolicyApplied;
}
