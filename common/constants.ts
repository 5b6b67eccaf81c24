// Names shared by the workflows, the worker, the CLI and the tests. Workflow-safe: no Node imports here.
import type { SearchAttributeKey, SearchAttributeType } from '@temporalio/common/lib/search-attributes';

/** @temporalio/common's defineSearchAttributeKey, without loading that package here (the CLI's start-up time). */
const defineSearchAttributeKey = <T extends SearchAttributeType>(name: string, type: T): SearchAttributeKey<T> =>
  ({ name, type }) as SearchAttributeKey<T>;

/** Default task queue for restore workflows and their activities. */
export const DEFAULT_TASK_QUEUE = 'atlas-restore';

/** Tool name and version, used in the Atlas User-Agent and in logs. */
export const TOOL_NAME = 'atlas-restore';
export const TOOL_VERSION = '0.1.0';

/**
 * How a restore ended. One enum for the workflow result, the CLI's exit codes and the RestoreOutcome search
 * attribute, so a runbook, a script and the Temporal UI all read the same word.
 */
export const OUTCOMES = [
  'COMPLETED',
  'PREFLIGHT_FAILED',
  'DRY_RUN',
  'REJECTED',
  'CANCELLED',
  'DEADLINE_EXCEEDED',
  'COMPENSATED',
  'FAILED',
  /** Atlas completed the job, but the target failed the verify step (or it could not finish in time). */
  'VERIFY_FAILED',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Workflow phases, in order; also the RestorePhase search attribute. */
export const PHASES = [
  'VALIDATING',
  'PREFLIGHT',
  'AWAITING_APPROVAL',
  'SUBMITTING',
  'POLLING',
  /** After the job COMPLETED: checking the target itself (activities/verify.ts). */
  'VERIFYING',
  'COMPENSATING',
  'DONE',
] as const;
export type Phase = (typeof PHASES)[number];

/** Custom search attributes: what an operator filters restores by in the Temporal UI and `atlas-restore list`. */
export const SA = {
  projectId: defineSearchAttributeKey('AtlasProjectId', 'KEYWORD'),
  sourceCluster: defineSearchAttributeKey('AtlasSourceCluster', 'KEYWORD'),
  targetProjectId: defineSearchAttributeKey('AtlasTargetProjectId', 'KEYWORD'),
  targetCluster: defineSearchAttributeKey('AtlasTargetCluster', 'KEYWORD'),
  snapshotId: defineSearchAttributeKey('AtlasSnapshotId', 'KEYWORD'),
  backend: defineSearchAttributeKey('AtlasBackend', 'KEYWORD'),
  phase: defineSearchAttributeKey('RestorePhase', 'KEYWORD'),
  jobStatus: defineSearchAttributeKey('RestoreJobStatus', 'KEYWORD'),
  outcome: defineSearchAttributeKey('RestoreOutcome', 'KEYWORD'),
  /** Atlas-side duration of a completed restore (submit → restoreFinishedDate), seconds: feeds adaptive polling. */
  durationS: defineSearchAttributeKey('RestoreDurationS', 'DOUBLE'),
  /** requestDigest() of the resolved request (common/request.ts): tells "the same request again" from a different one. */
  requestDigest: defineSearchAttributeKey('RestoreRequestDigest', 'KEYWORD'),
} as const;

/** All our search attribute keys, for registering them on a namespace (setup, dev server, tests). */
export const ALL_SEARCH_ATTRIBUTES = Object.values(SA);
