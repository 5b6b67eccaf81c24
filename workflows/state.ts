// The restore's state, what survives continue-as-new, and how it is shown: search attributes (for finding a restore
// in the Temporal UI and `atlas-restore list`), current details (for reading it there) and the status query.
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Expectation } from '../common/expectation';
import type { Verification } from '../common/verification';
import type { Outcome, Phase } from '../common/constants';
import { SA } from '../common/constants';
import type { SubmitRequest } from '../common/jobs';
import { requestDigest, type ResolvedRequest } from '../common/request';
import type { RateLimitedWait, RestoreStatus } from '../common/result';
import { AuditTrail } from './audit';
import type { JobWatch, RestoreCarry } from './carry-schema';
import type { SubmitProgress } from './submit';

/** What the polling schedule learned from earlier restores into the target (common/expectation.ts), and whether it
 * read the history again at the window (workflows/polling.ts relearnDue). Carried flat (RestoreCarry), held as one. */
export type LearnedSchedule = Expectation & { relearned?: boolean };
type LearnedKey = keyof Required<LearnedSchedule>;
/** The rest of what survives continue-as-new: the restore's own record (jobs, checks, deadline, undos, ending). */
export type CarriedState = Omit<RestoreCarry, LearnedKey>;

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
  /** What the submit loop knows (its baseline, whether a create was ambiguous): workflows/submit.ts. */
  submitProgress?: SubmitProgress;
  /** Set while Atlas answers 429 before the job exists: workflows/rate-limited.ts. */
  rateLimited?: RateLimitedWait;
  /** The verify step's report (workflows/verify.ts); set after the job COMPLETED. */
  verification?: Verification;
  readonly audit: AuditTrail;
  readonly digest: string;
  /** The state carried across continue-as-new, but the learned schedule. */
  readonly carried: CarriedState;
  /** The learned schedule: learn and relearn (workflows/steps.ts) update it in place; carried with the rest. */
  readonly learned: LearnedSchedule;

  constructor(
    readonly req: ResolvedRequest,
    carry: RestoreCarry,
  ) {
    const { expectedS, spread, spreadDf, spreadHi, relearned, ...carried } = carry;
    this.carried = carried;
    this.learned = definedOnly({ expectedS, spread, spreadDf, spreadHi, relearned });
    this.audit = new AuditTrail(carry.audit);
    this.digest = requestDigest(req);
  }

  /** The job being waited for now: the rollback while the saga runs one, else the restore's own. */
  get watching(): JobWatch | undefined {
    return this.phase === 'COMPENSATING' ? (this.carried.rollback ?? this.carried.main) : this.carried.main;
  }

  /** Moves to a phase and shows it: search attributes and the UI's current details. */
  enter(phase: Phase): void {
    this.phase = phase;
    this.publish();
  }

  publish(): void {
    const r = this.req;
    const job = this.carried.main;
    upsertSearchAttributes([
      { key: SA.projectId, value: r.projectId },
      { key: SA.sourceCluster, value: r.clusterName },
      { key: SA.targetProjectId, value: r.targetProjectId },
      { key: SA.targetCluster, value: r.targetClusterName },
      { key: SA.snapshotId, value: r.snapshotId },
      { key: SA.phase, value: this.phase },
      // Published by the workflow itself, so children started by a parent (without our start options) have it too.
      { key: SA.requestDigest, value: this.digest },
      ...(this.carried.backend ? [{ key: SA.backend, value: this.carried.backend }] : []),
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
    const job = this.carried.main;
    const lines = [
      `**${this.outcome ?? this.phase}**: snapshot \`${r.snapshotId}\` of \`${r.clusterName}\` → \`${r.targetClusterName}\``,
      `- backend: ${this.carried.backend ?? '(not resolved yet)'}`,
      `- restore job: ${job?.job.jobId ?? '(not submitted)'} ${job?.status ? `(${job.status})` : ''}`,
      `- polls: ${job?.polls ?? 0}${this.nextPollAt ? `, next at ${this.nextPollAt}` : ''}`,
      `- deadline: ${this.carried.deadlineAt}`,
    ];
    const expected = this.expectedFinishAt();
    if (expected) lines.push(`- expected to finish around ${expected}`);
    if (this.carried.rollback)
      lines.push(`- rollback job: ${this.carried.rollback.job.jobId} (${this.carried.rollback.status ?? 'submitted'})`);
    const t = this.watching?.trouble;
    if (t)
      lines.push(`- ⚠ Atlas calls failing since ${t.since} (${t.attempts} attempts): ${t.lastError}; still waiting`);
    const rl = this.rateLimited;
    if (rl)
      lines.push(
        `- ⏳ Atlas answers 429 to the ${rl.operation} since ${rl.since} (${rl.attempts} in a row); asking again at ${rl.retryAt}`,
      );
    if (this.awaitingApproval)
      lines.push(
        `- waiting for approval until ${this.approvalTimeoutAt} (\`atlas-restore approve ${workflowInfo().workflowId} --by <name>\`)`,
      );
    if (r.reason) lines.push(`- reason: ${r.reason}`);
    return lines.join('\n');
  }

  expectedFinishAt(): string | undefined {
    const job = this.carried.main;
    if (!job || !this.learned.expectedS) return undefined;
    return new Date(Date.parse(job.submittedAt) + this.learned.expectedS * 1000).toISOString();
  }

  status(): RestoreStatus {
    const job = this.carried.main;
    return {
      phase: this.phase,
      backend: this.carried.backend,
      restoreJobId: job?.job.jobId,
      jobStatus: job?.status,
      polls: job?.polls ?? 0,
      nextPollAt: this.nextPollAt,
      startedAt: this.carried.startedAt,
      deadlineAt: this.carried.deadlineAt,
      awaitingApproval: this.awaitingApproval,
      outcome: this.outcome,
      plan: this.carried.plan,
      checks: this.carried.checks.length ? this.carried.checks : undefined,
      approvalTimeoutAt: this.awaitingApproval ? this.approvalTimeoutAt : undefined,
      expectedFinishAt: this.expectedFinishAt(),
      atlasTrouble: this.watching?.trouble,
      rateLimited: this.rateLimited,
      policy: this.carried.policy,
      requester: this.req.requester,
      reason: this.req.reason,
      flags: {
        requireApproval: this.req.requireApproval,
        dryRun: this.req.dryRun,
        rollbackOnFailure: this.req.rollbackOnFailure,
      },
      requestDigest: this.digest,
    };
  }

  carry(): RestoreCarry {
    return {
      ...this.carried,
      ...this.learned,
      audit: new AuditTrail(this.audit.compacted()).events,
      runs: this.carried.runs + 1,
    };
  }
}

/** Without the keys whose value is undefined (a carried state from an older build lacks some). */
function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
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
