// A restore drill: restore a source's newest backup into a scratch Flex cluster the drill creates, verify it, tear
// it down, and report RTO/RPO. The contract between the drill workflow (workflows/drill*.ts), the CLI (`drill ...`,
// Temporal Schedules) and the report renderer. Plain JSON, workflow-safe: never a credential.
import type { Manifest, VerificationStatus, VerifySettings } from './verification';

export const DRILL_WORKFLOW_TYPE = 'drillWorkflow';
/** Schedule id of a drill; Temporal appends the fire time to this for each run's workflow id. */
export const drillScheduleId = (name: string): string => `atlas-restore-drill-${name}`;
/** The tag every scratch cluster carries (key), valued with the drill's name: the janitor finds leftovers by it. */
export const DRILL_TAG_KEY = 'atlas-restore-drill';
/** Drill names: lower-case letters, digits and `-`, as a schedule id and a cluster-name part allow. */
export const DRILL_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const DRILL_OUTCOMES = ['PASSED', 'FAILED', 'LEFT_BEHIND'] as const;
export type DrillOutcome = (typeof DRILL_OUTCOMES)[number];

/** What one drill run is asked to do (a schedule's action carries exactly this). */
export interface DrillInput {
  /** The drill's name (DRILL_NAME_PATTERN): its schedule, its scratch clusters' tag, its report. */
  name: string;
  /** The source: the cluster whose backups are proven. */
  projectId: string;
  clusterName: string;
  /** Where the scratch cluster is created; default the source's project. */
  scratchProjectId?: string;
  /** Restore this snapshot instead of the newest COMPLETED one. */
  snapshotId?: string;
  /** Use the newest COMPLETED snapshot at least this old (e.g. `24h`). */
  minAge?: string;
  /** The scratch cluster's provider settings; default the source's. */
  providerName?: string;
  region?: string;
  /** The child restore's verification (`verify: false` is refused: a drill proves data). Default `{}`. */
  verify?: VerifySettings;
  /** The whole drill, teardown included, ends by this long after its start (default `6h`). */
  deadline?: string;
  /** Who asked (schedule creator or `drill run` caller), for the audit trail. */
  requester?: string;
}

/** A stage of the drill and how long it took (RTO is the sum of restore and verification). */
export interface DrillStage {
  name: 'janitor' | 'create-cluster' | 'restore' | 'verification' | 'teardown';
  startedAt: string;
  finishedAt?: string;
  durationS?: number;
  /** One line: what happened (e.g. `IDLE after 41 s`, `deleted, 404 confirmed`). */
  detail?: string;
}

/** One earlier run, for the trend. */
export interface DrillTrendPoint {
  workflowId: string;
  runId: string;
  startedAt: string;
  outcome: DrillOutcome;
  rtoSeconds?: number;
  rpoSeconds?: number;
  documents?: number;
}

export interface DrillResult {
  drill: string;
  workflowId: string;
  runId: string;
  outcome: DrillOutcome;
  /** One sentence: why PASSED/FAILED/LEFT_BEHIND, naming the stage and (LEFT_BEHIND) the cluster left. */
  reason: string;
  startedAt: string;
  finishedAt: string;
  source: { projectId: string; clusterName: string };
  snapshot?: { id: string; finishedAt: string };
  scratch?: {
    projectId: string;
    clusterName: string;
    /** The create was sent (and the cluster found or created). */
    created: boolean;
    /** Deletion confirmed (404). False with outcome LEFT_BEHIND. */
    deleted: boolean;
  };
  /** The child restoreWorkflow. */
  restore?: { workflowId: string; runId?: string; outcome?: string; restoreJobId?: string };
  /** When the child restore was requested (the RPO/RTO origin). */
  requestedAt?: string;
  /** Restore request time − the snapshot's finish time. */
  rpoSeconds?: number;
  /** From the restore request to verified. */
  rtoSeconds?: number;
  stages: DrillStage[];
  verification?: { status: VerificationStatus; reason?: string; manifest?: Manifest };
  /** Scratch clusters of this drill that earlier runs left behind, found by the janitor at the start. */
  janitor: { found: string[]; deleted: string[]; leftBehind: string[] };
  /** Earlier runs of the same drill, newest first (at most 10). */
  trend: DrillTrendPoint[];
}
