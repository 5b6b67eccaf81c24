// The schema of what a restore carries across continue-as-new (workflows/state.ts). Its own module, importing only zod
// and constants, because the worker preloads it (worker/bundle.ts): one copy serves every cached workflow instead of
// one per workflow (the workflow thread's memory per restore in flight).
import { z } from 'zod';
import type { AuditEvent, PolicyApplied } from '../common/result';
import { OUTCOMES } from '../common/constants';
import { preloadSafe } from '../common/preload-safe';
import { AUDIT_MAX_EVENTS } from './audit-bounds';

function buildSchemas() {
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

  /** An undo the saga runs if the restore fails (workflows/compensation.ts). Data, so that it survives continue-as-new. */
  const UndoSchema = z.object({ kind: z.literal('rollback'), recoveryPoint: RecoveryPointSchema });

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
  const RestoreCarrySchema = z.object({
    startedAt: iso,
    deadlineAt: iso,
    backend: backend.optional(),
    checks: z.array(CheckSchema).max(50),
    plan: text.optional(),
    recoveryPoint: RecoveryPointSchema.optional(),
    approvedBy: z.string().max(200).optional(),
    /** The restore policy the preflight reported (common/result.ts PolicyApplied). */
    policy: z
      .object({
        mode: z.enum(['open', 'enforced']),
        digest: z.string().max(100).optional(),
        rule: z.string().max(100).optional(),
        approvers: z.number().int().min(0).max(10).optional(),
        signedStart: z.boolean().optional(),
        requester: z.string().max(200).optional(),
      })
      .optional() as unknown as z.ZodOptional<z.ZodType<PolicyApplied>>,
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
    audit: z.array(AuditEventSchema).max(AUDIT_MAX_EVENTS),
    runs: z.number().int().min(1),
    /** A restore without `verify` is verified (decided in its first run: workflows/verify.ts resolveVerifyDefault). */
    verifyByDefault: z.boolean().optional(),
  });
  return { RestoreCarrySchema, JobWatchSchema, UndoSchema };
}

/** Preloaded by the worker (common/preload-safe.ts). */
export const carrySchemas = preloadSafe(buildSchemas);
type Schemas = ReturnType<typeof carrySchemas>;
export type JobWatch = z.infer<Schemas['JobWatchSchema']>;
/** An undo the saga runs if the restore fails (workflows/compensation.ts). Data, so that it survives continue-as-new. */
export type Undo = z.infer<Schemas['UndoSchema']>;
export type RestoreCarry = z.infer<Schemas['RestoreCarrySchema']>;
