// What a restore reports: its checks, its audit trail, its live status and its final result. Workflow-safe.
import type { Outcome, Phase } from './constants';
import type { Backend } from './types';
import type { Verification } from './verification';

export type CheckStatus = 'pass' | 'fail' | 'warn';

/** One preflight check and the evidence it was decided on. */
export interface Check {
  name: string;
  status: CheckStatus;
  /** What was observed, e.g. "target stateName=IDLE". */
  evidence: string;
}

/**
 * The restore policy that applied (issue 21): `open` when the worker has none (ATLAS_RESTORE_POLICY unset: identities
 * unverified), else the policy file's digest and the rule that matched the target.
 */
export type PolicyApplied =
  | { mode: 'open' }
  | {
      mode: 'enforced';
      digest: string;
      rule?: string;
      approvers: number;
      signedStart: boolean;
      /** The requester's principal, proven by the signed start (absent when the rule asks for no signature). */
      requester?: string;
    };

/** A domain event in the audit trail. `at` is workflow time (ISO). */
export interface AuditEvent {
  at: string;
  type:
    | 'started'
    | 'validated'
    | 'check'
    | 'preflight'
    | 'approval-requested'
    | 'approved'
    | 'rejected'
    | 'approval-timeout'
    | 'submit-attempt'
    | 'submitted'
    | 'adopted'
    | 'poll'
    | 'polls-summary'
    | 'retry'
    | 'compensation'
    | 'continued'
    | 'cancel-requested'
    | 'deadline'
    | 'finished'
    /** Many entries between the first and the last ones, folded into counts per type (workflows/audit.ts). */
    | 'folded'
    /** Atlas calls about a submitted job keep failing (one entry per streak), and when they work again. */
    | 'atlas-trouble'
    | 'atlas-recovered'
    /** A job status outside the documented enum: not finished; recorded once per status with the raw value. */
    | 'unknown-job-status'
    /** COMPLETED without restoreFinishedDate: one more read confirms it. */
    | 'confirming'
    /** The preflight checks run again after approval. */
    | 'recheck'
    /** An undo the saga will run if the restore fails (pushed when the step it undoes succeeded). */
    | 'undo-registered'
    /** A notification that could not be delivered (the outcome is unchanged). */
    | 'notify-failed'
    /** Atlas answered 429 (nothing was done): the restore waits Retry-After and asks again (first, every 20th, end). */
    | 'rate-limited'
    /** The restore policy that applied (or open mode). */
    | 'policy'
    /** The verify step after the job: its status and failed checks. */
    | 'verified';
  /** Short human-readable text. */
  message: string;
  /** Structured details: error codes, statuses, ids. Never credentials. */
  data?: Record<string, string | number | boolean | undefined>;
}

/** The pre-restore recovery point: the target's newest own snapshot before we overwrite it. */
export interface RecoveryPoint {
  snapshotId: string;
  finishTime?: string;
  backend: Backend;
}

/** One undo the saga ran (workflows/compensation.ts) and how it went. Bookkeeping is not an undo. */
export interface CompensationStep {
  /** Only 'rollback-restore' is an undo today; the other names are kept for readers of older results. */
  step: 'rollback-restore' | 'mark-outcome' | 'release-target' | 'notify';
  status: 'done' | 'skipped' | 'failed';
  detail: string;
}

/** The `status` query. */
export interface RestoreStatus {
  phase: Phase;
  backend?: Backend;
  restoreJobId?: string;
  jobStatus?: string;
  polls: number;
  nextPollAt?: string;
  startedAt: string;
  deadlineAt: string;
  awaitingApproval: boolean;
  outcome?: Outcome;
  /** While awaiting approval (and after preflight): what the restore will do, for the approver. */
  plan?: string;
  /** The preflight checks (the latest report, after approval re-checks). */
  checks?: Check[];
  /** When approval times out (ISO), while awaiting approval. */
  approvalTimeoutAt?: string;
  /** Expected finish (ISO) when earlier restores of the target give an expectation (adaptive polling). */
  expectedFinishAt?: string;
  /** Set while Atlas calls keep failing after submit: the restore keeps waiting and says so. */
  atlasTrouble?: { since: string; attempts: number; lastError: string };
  /** Set while Atlas answers 429 before the job exists (preflight, submit): the restore waits and asks again. */
  rateLimited?: RateLimitedWait;
  /** The restore policy that applied, once preflight has run; open mode says "identities unverified". */
  policy?: PolicyApplied;
  /** What an approver reviews (issue 21): who asked (as typed: unverified), why, the flags and the request digest. */
  requester?: string;
  reason?: string;
  flags?: { requireApproval: boolean; dryRun: boolean; rollbackOnFailure: boolean };
  requestDigest?: string;
}

/** A wait for Atlas's rate limit: which call, since when, how many 429s in a row, and when it asks again. */
export interface RateLimitedWait {
  operation: string;
  since: string;
  attempts: number;
  retryAt: string;
  retryAfterS?: number;
}

/**
 * What the restore did to the target, as far as it can tell: `no` before any job (Atlas was not asked to change it,
 * and the reason says "nothing was changed"), `unconfirmed` when a create may have made a job that no lookup could
 * confirm either way (check the target in Atlas), `job` once a restore job exists (its jobStatus says what it did).
 */
export type TargetChanged = 'no' | 'unconfirmed' | 'job';

export interface RestoreResult {
  workflowId: string;
  runId: string;
  outcome: Outcome;
  /** One sentence a person can act on; set for every outcome but COMPLETED. */
  reason?: string;
  /** Whether Atlas was asked to change the target (TargetChanged); absent in results of older builds. */
  targetChanged?: TargetChanged;
  backend?: Backend;
  restoreJobId?: string;
  restoreFinishedDate?: string;
  /** Job status as Atlas last reported it. */
  jobStatus?: string;
  checks: Check[];
  compensations: CompensationStep[];
  recoveryPoint?: RecoveryPoint;
  approvedBy?: string;
  /** The restore policy that applied (its digest and matching rule), or open mode. */
  policy?: PolicyApplied;
  polls: number;
  /** The verify step after the job (status SKIPPED, with why, when it did not run). */
  verification?: Verification;
  startedAt: string;
  finishedAt: string;
  audit: AuditEvent[];
}
