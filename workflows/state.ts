// The restore's state, what survives continue-as-new, and how it is shown: search attributes (for finding a restore
// in the Temporal UI and `atlas-restore list`), current details (for reading it there) and the status query.
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { Outcome, Phase, SA } from '../common/constants';
import type { SubmitRequest } from '../activities/types';
import type { ValidRestoreInput } from '../common/input';
import type { AuditEvent, Check, CompensationStep, RecoveryPoint, RestoreStatus } from '../common/result';
import { AuditTrail } from './audit';
import { nowIso } from './clock';

/** Everything the next run needs after continue-as-new. */
export interface RestoreCarry {
  startedAt: string;
  deadlineAt: string;
  backend?: 'tenant' | 'flex';
  jobId?: string;
  jobStatus?: string;
  submittedAt?: string;
  /** Atlas's own time for the job's creation (its clock, for measuring its duration). */
  restoreScheduledDate?: string;
  checks: Check[];
  recoveryPoint?: RecoveryPoint;
  approvedBy?: string;
  polls: number;
  expectedS?: number;
  spread?: number;
  audit: AuditEvent[];
  runs: number;
}

export class RestoreState {
  phase: Phase = 'VALIDATING';
  outcome?: Outcome;
  nextPollAt?: string;
  awaitingApproval = false;
  decision?: { approved: boolean; by: string; note?: string };
  compensations: CompensationStep[] = [];
  restoreFinishedDate?: string;
  pollsThisRun = 0;
  /** The submit request, once submitting has begun (for a lookup after an interruption). */
  submitRequest?: SubmitRequest;
  readonly audit: AuditTrail;

  constructor(
    readonly input: ValidRestoreInput,
    public c: RestoreCarry,
  ) {
    this.audit = new AuditTrail(c.audit);
  }

  get targetProjectId(): string {
    return this.input.targetProjectId ?? this.input.projectId;
  }

  /** Moves to a phase and shows it: search attributes and the UI's current details. */
  enter(phase: Phase): void {
    this.phase = phase;
    this.publish();
  }

  publish(): void {
    const updates = [
      { key: SA.projectId, value: this.input.projectId },
      { key: SA.sourceCluster, value: this.input.clusterName },
      { key: SA.targetProjectId, value: this.targetProjectId },
      { key: SA.targetCluster, value: this.input.targetClusterName },
      { key: SA.snapshotId, value: this.input.snapshotId },
      { key: SA.phase, value: this.phase },
      ...(this.c.backend ? [{ key: SA.backend, value: this.c.backend }] : []),
      ...(this.c.jobStatus ? [{ key: SA.jobStatus, value: this.c.jobStatus }] : []),
      ...(this.outcome ? [{ key: SA.outcome, value: this.outcome }] : []),
    ];
    upsertSearchAttributes(updates);
    setCurrentDetails(this.details());
  }

  /** Markdown for the Temporal UI's "current details". */
  details(): string {
    const i = this.input;
    const lines = [
      `**${this.outcome ?? this.phase}**: snapshot \`${i.snapshotId}\` of \`${i.clusterName}\` → \`${i.targetClusterName}\``,
      `- backend: ${this.c.backend ?? '(not resolved yet)'}`,
      `- restore job: ${this.c.jobId ?? '(not submitted)'} ${this.c.jobStatus ? `(${this.c.jobStatus})` : ''}`,
      `- polls: ${this.c.polls}${this.nextPollAt ? `, next at ${this.nextPollAt}` : ''}`,
      `- deadline: ${this.c.deadlineAt}`,
    ];
    if (this.awaitingApproval) lines.push(`- waiting for approval (\`atlas-restore approve ${workflowInfo().workflowId} --by <name>\`)`);
    if (i.reason) lines.push(`- reason: ${i.reason}`);
    return lines.join('\n');
  }

  status(): RestoreStatus {
    return {
      phase: this.phase,
      backend: this.c.backend,
      restoreJobId: this.c.jobId,
      jobStatus: this.c.jobStatus,
      polls: this.c.polls,
      nextPollAt: this.nextPollAt,
      startedAt: this.c.startedAt,
      deadlineAt: this.c.deadlineAt,
      awaitingApproval: this.awaitingApproval,
      outcome: this.outcome,
    };
  }

  carry(): RestoreCarry {
    return { ...this.c, audit: this.audit.compacted(), runs: this.c.runs + 1 };
  }
}

export function freshCarry(startedAtMs: number, deadlineS: number): RestoreCarry {
  return {
    startedAt: new Date(startedAtMs).toISOString(),
    deadlineAt: new Date(startedAtMs + deadlineS * 1000).toISOString(),
    checks: [],
    polls: 0,
    audit: [],
    runs: 1,
  };
}

export { nowIso };
