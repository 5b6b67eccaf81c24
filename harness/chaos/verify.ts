// Judging one finished restore against its plan and against Atlas's ground truth (the simulator's job list and
// call log). Two separate counts: whether it ended right (outcome, jobs, compensation), and how many audit events
// it lost (README.md, "Lost audit events").
import type { Outcome } from '../product/common';
import type { AuditEvent, RestoreResult } from '../product/common';
import type { SimCall } from '../product/dev-tools';
import type { SimJob } from '../product/dev-tools';
import type { ChaosPair } from './estate';
import type { FaultKind, KillPoint } from './scenarios';
import { expectedJobs, expectedOutcome } from './scenarios';

export interface Verdict {
  index: number;
  workflowId: string;
  kinds: FaultKind[];
  killPoint?: KillPoint;
  expected: Outcome;
  got: Outcome | 'STUCK' | 'WORKFLOW_FAILED';
  correct: boolean;
  duplicates: number;
  lostAudit: number;
  problems: string[];
}

export interface Evidence {
  result?: RestoreResult;
  /** Why there is no result (the workflow failed or did not finish in time). */
  error?: string;
  jobs: { ours: SimJob[]; rollbacks: SimJob[]; foreign: SimJob[] };
  /** Create calls the simulator answered for this pair's source (not the rollback's). */
  creates: SimCall[];
  /** Runs of the workflow (more than one after continue-as-new). */
  runs: number;
  /** Notifications the webhook received for this workflow. */
  notified: number;
}

const CREATE_OPS = new Set(['createTenantRestore', 'createTenantRestoreV1', 'createFlexRestoreJob']);

export const isCreate = (c: SimCall): boolean => CREATE_OPS.has(c.operation);

export function judge(p: ChaosPair, workflowId: string, ev: Evidence): Verdict {
  const expected = expectedOutcome(p.plan);
  const r = ev.result;
  const v: Verdict = {
    index: p.plan.index,
    workflowId,
    kinds: p.plan.kinds,
    killPoint: p.plan.killPoint,
    expected,
    got: r ? r.outcome : ev.error === 'STUCK' ? 'STUCK' : 'WORKFLOW_FAILED',
    correct: false,
    duplicates: Math.max(0, ev.jobs.ours.length - 1) + Math.max(0, ev.jobs.rollbacks.length - 1),
    lostAudit: 0,
    problems: [],
  };
  const problem = (s: string) => v.problems.push(s);
  if (!r) {
    problem(`no result: ${ev.error}`);
    return v;
  }
  if (r.outcome !== expected) problem(`outcome ${r.outcome} (${r.reason ?? ''}), expected ${expected}`);

  // Exactly the jobs the plan allows, and the result names the one Atlas holds.
  const ours = ev.jobs.ours;
  if (!expectedJobs(p.plan).includes(ours.length))
    problem(`Atlas holds ${ours.length} restore jobs of ours, expected ${expectedJobs(p.plan).join(' or ')}`);
  if (ours.length === 1 && r.restoreJobId !== ours[0].id)
    problem(`the result names job ${r.restoreJobId ?? '(none)'}, Atlas holds ${ours[0].id}`);
  if (ours.length === 0 && r.restoreJobId) problem(`the result names job ${r.restoreJobId}, Atlas holds none`);
  if (p.plan.kinds.includes('foreign-running') && ev.jobs.foreign.length !== 1)
    problem('the foreign restore is missing');

  // The saga is an undo stack (workflows/compensation.ts): the only undo is the rollback, and it runs only when the
  // job FAILED and rollbackOnFailure was asked (with a recovery point). A deadline never rolls back over a running job.
  // Every terminal outcome is notified; a delivery that failed for good is audited instead.
  const steps = r.compensations.map((s) => s.step);
  const wantRollback = expected === 'COMPENSATED' && p.plan.rollbackOnFailure && !!r.recoveryPoint;
  const rollback = r.compensations.find((s) => s.step === 'rollback-restore');
  if (wantRollback) {
    if (steps.join() !== 'rollback-restore') problem(`compensation steps [${steps.join(', ')}]`);
    if (rollback?.status !== 'done' || ev.jobs.rollbacks.length !== 1)
      problem(`rollback ${rollback?.status ?? 'missing'} with ${ev.jobs.rollbacks.length} rollback jobs`);
  } else {
    if (steps.length) problem(`compensation ran for a restore that needed none: [${steps.join(', ')}]`);
    if (ev.jobs.rollbacks.length) problem(`${ev.jobs.rollbacks.length} rollback jobs nobody asked for`);
  }
  if (ev.notified === 0 && !r.audit.some((e) => e.type === 'notify-failed')) problem('the webhook was not told');

  v.lostAudit = lostAuditEvents(r, ev, v.problems);
  v.correct = v.problems.filter((s) => !s.startsWith('audit:')).length === 0;
  return v;
}

/**
 * Audit events that should be in the trail and are not (each counts one; polls and failed submit attempts count
 * one per missing event). What the trail must hold is derived from the result and from Atlas's ground truth.
 */
function lostAuditEvents(r: RestoreResult, ev: Evidence, problems: string[]): number {
  const a = r.audit;
  let lost = 0;
  const miss = (what: string, n = 1) => {
    lost += n;
    problems.push(`audit: missing ${what}${n > 1 ? ` (${n})` : ''}`);
  };
  const count = (t: AuditEvent['type']) => a.filter((e) => e.type === t).length;

  if (count('started') !== 1) miss('started');
  if (!count('validated')) miss('validated');
  // The preflight ran unless the deadline cut it short: then there are no checks to record.
  if (r.checks.length) {
    for (const c of r.checks)
      if (!a.some((e) => e.type === 'check' && e.data?.check === c.name)) miss(`check ${c.name}`);
    if (!count('preflight')) miss('preflight summary');
  } else if (r.outcome !== 'DEADLINE_EXCEEDED') miss('preflight checks');

  // The submit, with the id of the job Atlas holds; and every create attempt Atlas refused or that went unanswered.
  const job = ev.jobs.ours[0];
  if (job && !a.some((e) => (e.type === 'submitted' || e.type === 'adopted') && e.data?.jobId === job.id))
    miss(`submitted/adopted event for job ${job.id}`);
  if ((job || ev.creates.length) && !count('submit-attempt')) miss('submit-attempt');
  const compensationAt = a.findIndex((e) => e.type === 'compensation');
  const beforeCompensation = compensationAt < 0 ? a : a.slice(0, compensationAt);
  const failedAttempts = beforeCompensation.filter(
    (e) => e.type === 'submit-attempt' && typeof e.data?.attempt === 'number',
  ).length;
  // A 401 is answered inside the client (fresh token, one retry), and a 409 for our own job is resolved inside the
  // attempt (adopted after the conflict); every other non-200 answer failed an attempt.
  const adoptedAfterConflict = a.some((e) => e.type === 'adopted' && e.data?.via === 'adopted-after-conflict') ? 1 : 0;
  // A 429 is no failed attempt (Atlas did nothing; the same create is asked again): each streak is in the trail as
  // 'rate-limited' entries whose last (ended) one counts the streak's 429s.
  const refused =
    ev.creates.filter((c) => c.status !== 200 && c.status !== 401 && c.status !== 429).length - adoptedAfterConflict;
  if (failedAttempts < refused) miss('failed submit attempts', refused - failedAttempts);
  const limited = ev.creates.filter((c) => c.status === 429).length;
  const limitedInTrail = a
    .filter((e) => e.type === 'rate-limited' && e.data?.operation === 'create' && e.data?.ended === true)
    .reduce((n, e) => n + Number(e.data?.attempts ?? 0), 0);
  if (limitedInTrail < limited) miss('429s on the create', limited - limitedInTrail);

  // One poll event per poll of our job (folded into polls-summary events across continue-as-new), ending on the final
  // status. The rollback's polls go through the same wait and are marked purpose 'rollback': they are not ours.
  const mainPolls = a.filter(
    (e) => (e.type === 'poll' || e.type === 'polls-summary') && e.data?.purpose !== 'rollback',
  );
  const polled = mainPolls.reduce((n, e) => n + (e.type === 'poll' ? 1 : Number(e.data?.count ?? 0)), 0);
  if (polled < r.polls) miss('polls', r.polls - polled);
  if ((r.outcome === 'COMPLETED' || r.jobStatus === 'FAILED') && r.polls > 0) {
    const last = mainPolls[mainPolls.length - 1];
    if (last?.data?.status !== r.jobStatus) miss(`final poll (${r.jobStatus})`);
  }
  if (ev.runs > 1 && count('continued') < ev.runs - 1) miss('continued', ev.runs - 1 - count('continued'));

  for (const s of r.compensations)
    if (!a.some((e) => e.type === 'compensation' && e.data?.step === s.step)) miss(`compensation ${s.step}`);
  if (r.outcome === 'DEADLINE_EXCEEDED' && !count('deadline')) miss('deadline');
  const last = a[a.length - 1];
  if (last?.type !== 'finished' || last.data?.outcome !== r.outcome) miss('finished');
  return lost;
}
