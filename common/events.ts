// Notification events: what the worker's webhook (activities/notify.ts) is told, and when. Workflow-safe.
// The workflow decides *that* an event happened (and gives it a stable id); the activity decides whether it is
// wanted (ATLAS_RESTORE_WEBHOOK_EVENTS), how it is signed and delivered. A delivery never changes an outcome.
import type { Outcome } from './constants';
import type { DrillOutcome } from './drill';

export const RESTORE_EVENT_TYPES = [
  'restore.completed',
  'restore.preflight_failed',
  'restore.dry_run',
  'restore.rejected',
  'restore.cancelled',
  'restore.deadline_exceeded',
  'restore.compensated',
  'restore.failed',
  /** Atlas completed the job, but the target failed verification (outcome VERIFY_FAILED). */
  'restore.verify_failed',
  'restore.approval_requested',
  /** Atlas calls keep failing after submit (one event per streak; the restore keeps waiting). */
  'restore.atlas_unreachable',
  /** A restore drill's ending (workflows/drill.ts): PASSED, FAILED, or LEFT_BEHIND (a scratch cluster not deleted). */
  'drill.passed',
  'drill.failed',
  'drill.left_behind',
] as const;
export type RestoreEventType = (typeof RESTORE_EVENT_TYPES)[number];

/** Events sent when ATLAS_RESTORE_WEBHOOK_EVENTS is not set: all but the dry run. */
export const DEFAULT_EVENT_TYPES: readonly RestoreEventType[] = RESTORE_EVENT_TYPES.filter(
  (t) => t !== 'restore.dry_run',
);

/** The event type of a terminal outcome. */
export const eventTypeOf = (o: Outcome): RestoreEventType => `restore.${o.toLowerCase()}` as RestoreEventType;

/** The body of a notification, less `text` (the activity adds that one line). Plain JSON: no secrets, ever. */
export interface RestoreEvent {
  /** Stable per event (retried deliveries carry the same id, so a receiver can drop duplicates). */
  id: string;
  type: RestoreEventType;
  /** Workflow time of the event (ISO). */
  occurredAt: string;
  workflowId: string;
  runId: string;
  outcome?: Outcome | DrillOutcome;
  reason?: string;
  /** On drill.* events the scratch cluster is the target. */
  targetProjectId: string;
  targetClusterName: string;
  restoreJobId?: string;
  /** Seconds from the restore's start to the event. */
  durationS?: number;
  /** On restore.completed and restore.verify_failed: what the verify step found (common/verification.ts). */
  verification?: { status: string; collections?: number; documents?: number };
  /** On drill.* events: the drill, its RTO/RPO and the cluster it left behind (LEFT_BEHIND). */
  drill?: { name: string; rtoSeconds?: number; rpoSeconds?: number; leftBehind?: string };
}

/** What the notify activity did: `delivered` false with why ("not subscribed", "no webhook configured", ...). */
export interface NotifyResult {
  delivered: boolean;
  detail: string;
}
