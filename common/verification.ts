// What the verify step after a restore checks and reports: the target answers, holds data, meets the caller's
// expectations, and did not shrink against the last verified restore of the same source. Plain JSON (it is recorded in
// workflow history and results: never a credential). Workflow-safe.

/** One expectation of `verify.collections`. */
export interface CollectionExpectation {
  db: string;
  collection: string;
  minCount?: number;
  maxCount?: number;
  /** Index names that must exist (e.g. `_id_`, `email_1`). */
  indexes?: string[];
}

/** The `verify` input field's object form (`verify: false` turns the step off). */
export interface VerifySettings {
  /** How long the target may take to answer, e.g. `10m` (default). */
  timeout?: string;
  /** Pass even when the target holds no user collection. */
  allowEmpty?: boolean;
  collections?: CollectionExpectation[];
  /** Per collection, the count may drop at most this much (percent) against the last verified restore of the source. */
  compareWithPrevious?: { maxDropPct: number };
}

export const DEFAULT_VERIFY_TIMEOUT = '10m';
/**
 * Whether a restore without a `verify` field is verified (real restores only, never dry runs). Restores started
 * before this default keep theirs (workflows/verify.ts resolveVerifyDefault, behind patched('verify-by-default')).
 */
export const VERIFY_BY_DEFAULT = true;
/** Collections the manifest lists one by one; the rest are summarised (results stay small). */
export const MANIFEST_MAX_COLLECTIONS = 500;

export type VerificationStatus = 'PASSED' | 'FAILED' | 'TIMED_OUT' | 'SKIPPED';

export interface VerificationCheck {
  name: string;
  passed: boolean;
  evidence: string;
}

export interface ManifestCollection {
  db: string;
  collection: string;
  /** countDocuments (exact); for collections past the cap, estimatedDocumentCount. */
  count: number;
  indexes: string[];
}

export interface Manifest {
  databases: number;
  collections: number;
  documents: number;
  /** Sum of dbStats dataSize over user databases, bytes (when the server reports it). */
  dataSizeBytes?: number;
  items: ManifestCollection[];
  /** Collections past MANIFEST_MAX_COLLECTIONS: counted in the totals, not listed. */
  omitted?: { collections: number; documents: number };
}

export interface Verification {
  status: VerificationStatus;
  /** What was verified: the restored target (absent) or the target a rollback restore put back. */
  after?: 'restore' | 'rollback';
  /** Why it was skipped, timed out or failed, in one sentence. */
  reason?: string;
  checks: VerificationCheck[];
  manifest?: Manifest;
  startedAt: string;
  finishedAt: string;
}

/** What the workflow asks of the verify activity (no credentials: the activity makes its own). */
export interface VerifyRequest {
  /** The source (compareWithPrevious looks up the last verified restore of the same source). */
  projectId: string;
  clusterName: string;
  targetProjectId: string;
  targetClusterName: string;
  settings: VerifySettings;
  /** This run's workflow id, so the previous-restore lookup never finds the current run. */
  workflowId?: string;
}
