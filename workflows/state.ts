// The restore's state, what survives continue-as-new, and how it is shown: search attributes (for finding a restore
// in the Temporal UI and `atlas-restore list`), current details (for reading it there) and the status query.
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { z } from 'zod';
import type { Outcome, Phase } from '../common/constants';
import { OUTCOMES, SA } from '../common/constants';
import type { SubmitRequest } from '../common/jobs';
import { requestDigest, type ResolvedRequest } from '../common/request';
import type { AuditEvent, RestoreStatus } from '../common/result';
import { AUDIT_HEAD, AUDIT_TAIL, AuditTrail } from './audit';

const backend = z.enum(['tenant', 'flex']);
const iso = z.string().max(40);
const text = z.string().max(4000);

const CheckSchema = z.object({ name: z.string().max(100), status: z.enum(['pass', 'fail', 'warn']), evidence: text });
const RecoveryPointSchema = z.object({ snapshotId: z.string().max(100), finishTime: iso.optional(), backend });
const JobRefSchema = z.object({
  backend,
  projectId: z.string().max(100),
  clusterName: z.string().max(100),
  jobId: z.string().max(100),
});

/** One job being waited for (workflows/wait.ts): what the wait has seen so far. */
const JobWatchSchema = z.object({
  job: JobRefSchema,
  /** When the job was submitted (workflow time, ISO): the schedule counts from here. */
  submittedAt: iso,
  polls: z.number().int().min(0),
  status: z.string().max(100).optional(),
  restoreFinishedDate: iso.optional(),
  /** When COMPLETED was first read without restoreFinishedDate (one more read confirms it). */
  completedSeenAt: iso.optional(),
  /** Set while reads fail: the streak. */
  trouble: z.object({ since: iso, attempts: z.number().int().min(1), lastError: text }).optional(),
  /** Streaks of failing reads so far (numbers the notifications). */
  streaks: z.number().int().min(0),
  /** Statuses outside the documented enum already audited (raw values, each once). */
  unknownSeen: z.array(z.string().max(100)).max(20),
});
export type JobWatch = z.infer<typeof JobWatchSchema>;

/** An undo the saga runs if the restore fails (workflows/compensation.ts). Data, so that it survives continue-as-new. */
const UndoSchema = z.object({ kind: z.literal('rollback'), recoveryPoint: RecoveryPointSchema });
export type Undo = z.infer<typeof UndoSchema>;

const AuditEventSchema = z.object({
  at: iso,
  type: z.string().max(40) as unknown as z.ZodType<AuditEvent['type']>,
  message: text,
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).optional()).optional(),
});

/**
 * Everything the next run needs after continue-as-new. The workflow accepts it only from a run it continued itself
 * (workflowInfo().continuedFromExecutionRunId), and validates it with this schema: a client cannot hand a restore a
 * forged job, status or recovery point.
 */
export const RestoreCarrySchema = z.object({
  startedAt: iso,
  deadlineAt: iso,
  backend: backend.optional(),
  checks: z.array(CheckSchema).max(50),
  plan: text.optional(),
  recoveryPoint: RecoveryPointSchema.optional(),
  approvedBy: z.string().max(200).optional(),
  expectedS: z.number().positive().optional(),
  spread: z.number().positive().optional(),
  /** Degrees of freedom behind `spread` (0: the prior alone); absent in states of older builds (the window's floor). */
  spreadDf: z.number().int().min(0).optional(),
  /** Upper confidence bound of `spread` when measured (common/expectation.ts); absent: the window keeps its floor. */
  spreadHi: z.number().positive().optional(),
  /** Set once the history was read again at the window (workflows/polling.ts relearnDue). */
  relearned: z.boolean().optional(),
  /** Atlas's own time for the job's creation (its clock, for measuring its duration). */
  restoreScheduledDate: iso.optional(),
  /** The submitted restore job. */
  main: JobWatchSchema.optional(),
  /** The rollback job, once the saga submitted it. */
  rollback: JobWatchSchema.optional(),
  /** Undos still to run, last pushed last (the saga pops them). */
  undo: z.array(UndoSchema).max(10),
  /** Set once the outcome is decided and the saga runs (a run may continue as new while a rollback is waited for). */
  ending: z.object({ outcome: z.enum(OUTCOMES), reason: text }).optional(),
  compensations: z
    .array(
      z.object({
        step: z.enum(['rollback-restore', 'mark-outcome', 'release-target', 'notify']),
        status: z.enum(['done', 'skipped', 'failed']),
        detail: text,
      }),
    )
    .max(10),
  audit: z.array(AuditEventSchema).max(AUDIT_HEAD + 1 + AUDIT_TAIL),
  runs: z.number().int().min(1),
});
export type RestoreCarry = z.infer<typeof RestoreCarrySchema>;

export class RestoreState {
  phase: Phase = 'VALIDATING';
  outcome?: Outcome;
  nextPollAt?: string;
  awaitingApproval = false;
  approvalTimeoutAt?: string;
  decision?: { approved: boolean; by: string; note?: string };
  pollsThisRun = 0;
  /** The submit request, once submitting has begun (for a lookup after an interruption). */
  submitRequest?: SubmitRequest;
  readonly audit: AuditTrail;
  readonly digest: string;

  constructor(
    readonly req: ResolvedRequest,
    public c: RestoreCarry,
  ) {
    this.audit = new AuditTrail(c.audit);
    this.digest = requestDigest(req);
  }

  /** The job being waited for now: the rollback while the saga runs one, else the restore's own. */
  get watching(): JobWatch | undefined {
    return this.phase === 'COMPENSATING' ? (this.c.rollback ?? this.c.main) : this.c.main;
  }

  /** Moves to a phase and shows it: search attributes and the UI's current details. */
  enter(phase: Phase): void {
    this.phase = phase;
    this.publish();
  }

  publish(): void {
    const r = this.req;
    const job = this.c.main;
    upsertSearchAttributes([
      { key: SA.projectId, value: r.projectId },
      { key: SA.sourceCluster, value: r.clusterName },
      { key: SA.targetProjectId, value: r.targetProjectId },
      { key: SA.targetCluster, value: r.targetClusterName },
      { key: SA.snapshotId, value: r.snapshotId },
      { key: SA.phase, value: this.phase },
      // Published by the workflow itself, so children started by a parent (without our start options) have it too.
      { key: SA.requestDigest, value: this.digest },
      ...(this.c.backend ? [{ key: SA.backend, value: this.c.backend }] : []),
      ...(job?.status ? [{ key: SA.jobStatus, value: job.status }] : []),
      ...(this.outcome ? [{ key: SA.outcome, value: this.outcome }] : []),
    ]);
    this.show();
  }

  /** Refreshes only the UI's current details (no history event): for what changes every poll, e.g. nextPollAt. */
  show(): void {
    setCurrentDetails(this.details());
  }

  /** Markdown for the Temporal UI's "current details". */
  details(): string {
    const r = this.req;
    const job = this.c.main;
    const lines = [
      `**${this.outcome ?? this.phase}**: snapshot \`${r.snapshotId}\` of \`${r.clusterName}\` → \`${r.targetClusterName}\``,
      `- backend: ${this.c.backend ?? '(not resolved yet)'}`,
      `- restore job: ${job?.job.jobId ?? '(not submitted)'} ${job?.status ? `(${job.status})` : ''}`,
      `- polls: ${job?.polls ?? 0}${this.nextPollAt ? `, next at ${this.nextPollAt}` : ''}`,
      `- deadline: ${this.c.deadlineAt}`,
    ];
    const expected = this.expectedFinishAt();
    if (expected) lines.push(`- expected to finish around ${expected}`);
    if (this.c.rollback)
      lines.push(`- rollback job: ${this.c.rollback.job.jobId} (${this.c.rollback.status ?? 'submitted'})`);
    const t = this.watching?.trouble;
    if (t)
      lines.push(`- ⚠ Atlas calls failing since ${t.since} (${t.attempts} attempts): ${t.lastError}; still waiting`);
    if (this.awaitingApproval)
      lines.push(
        `- waiting for approval until ${this.approvalTimeoutAt} (\`atlas-restore approve ${workflowInfo().workflowId} --by <name>\`)`,
      );
    if (r.reason) lines.push(`- reason: ${r.reason}`);
    return lines.join('\n');
  }

  expectedFinishAt(): string | undefined {
    const job = this.c.main;
    if (!job || !this.c.expectedS) return undefined;
    return new Date(Date.parse(job.submittedAt) + this.c.expectedS * 1000).toISOString();
  }

  status(): RestoreStatus {
    const job = this.c.main;
    return {
      phase: this.phase,
      backend: this.c.backend,
      restoreJobId: job?.job.jobId,
      jobStatus: job?.status,
      polls: job?.polls ?? 0,
      nextPollAt: this.nextPollAt,
      startedAt: this.c.startedAt,
      deadlineAt: this.c.deadlineAt,
      awaitingApproval: this.awaitingApproval,
      outcome: this.outcome,
      plan: this.c.plan,
      checks: this.c.checks.length ? this.c.checks : undefined,
      approvalTimeoutAt: this.awaitingApproval ? this.approvalTimeoutAt : undefined,
      expectedFinishAt: this.expectedFinishAt(),
      atlasTrouble: this.watching?.trouble,
    };
  }

  carry(): RestoreCarry {
    return { ...this.c, audit: new AuditTrail(this.audit.compacted()).events, runs: this.c.runs + 1 };
  }
}

export function freshCarry(startedAtMs: number, deadlineS: number): RestoreCarry {
  return {
    startedAt: new Date(startedAtMs).toISOString(),
    deadlineAt: new Date(startedAtMs + deadlineS * 1000).toISOString(),
    checks: [],
    undo: [],
    compensations: [],
    audit: [],
    runs: 1,
  };
}

export const newWatch = (job: JobWatch['job'], submittedAt: string, status?: string): JobWatch => ({
  job,
  submittedAt,
  polls: 0,
  status,
  streaks: 0,
  unknownSeen: [],
});
