// The restore workflow: validate → preflight → (approval → preflight again) → submit exactly once → wait for the
// job (workflows/wait.ts) → done; when the job FAILED, the saga runs its undos (workflows/compensation.ts). How it
// ends, and what each ending looks like in Temporal, is workflows/finish.ts.
//
// The outcome says what Atlas did to the target, nothing more and nothing less: once a job exists, only the job's own
// terminal status decides; before that, nothing was changed, whatever went wrong.
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  setHandler,
  sleep,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import { describeFailure } from '../common/failure';
import type { RestoreInput } from '../common/input';
import { parseWorkflowRequest } from '../common/request';
import type { RestoreResult } from '../common/result';
import { findActs, preflightActs, sideActs } from './activity-options';
import { nowIso, nowMs } from './clock';
import { compensate, pushUndo } from './compensation';
import { approveUpdate, auditQuery, rejectUpdate, statusQuery } from './definitions';
import { Ending, finish, Interruption } from './finish';
import { notifyEvent } from './notify';
import { expectationFrom } from './polling';
import { freshCarry, newWatch, RestoreCarry, RestoreCarrySchema, RestoreState } from './state';
import { submitWithRetries } from './submit';
import { POLLS_PER_RUN, waitForJob } from './wait';

export type { RestoreCarry };
export { POLLS_PER_RUN };

export async function restoreWorkflow(raw: RestoreInput, carried?: RestoreCarry): Promise<RestoreResult> {
  const carry = acceptCarry(carried);
  const parsed = parseWorkflowRequest(raw);
  if (!parsed.ok) throw ApplicationFailure.nonRetryable(`invalid restore input: ${parsed.problems}`, 'InvalidInput');
  const req = parsed.req;
  const st = new RestoreState(req, carry ?? freshCarry(nowMs(), req.deadlineS));
  if (!carry)
    st.audit.add(
      'started',
      `restore requested by ${req.requester ?? 'unknown'}${req.reason ? `: ${req.reason}` : ''}`,
      { requestDigest: st.digest },
    );
  else st.audit.add('continued', `run ${st.c.runs} continues after ${st.c.main?.polls ?? 0} polls`);
  installHandlers(st);
  st.enter(carry?.ending ? 'COMPENSATING' : carry ? 'POLLING' : 'VALIDATING');

  const ending: Ending | 'continue' = st.c.ending
    ? { ...st.c.ending, undo: true }
    : await runUntilDeadline(st, !!carry);
  if (ending === 'continue') return handOver(st, raw);
  if (ending.undo) {
    st.c.ending = { outcome: ending.outcome, reason: ending.reason ?? ending.outcome };
    st.enter('COMPENSATING');
    if ((await compensate(st, !ending.cancelled)) === 'continue') return handOver(st, raw);
  }
  return finish(st, ending);
}

/**
 * State carried by continue-as-new is accepted only on a run that a run of this same workflow continued
 * (the server sets continuedFromExecutionRunId; a client's start cannot), and only in the carried shape. Anything
 * else fails the workflow as InvalidInput before any Atlas call: a forged job or recovery point must not skip checks.
 */
function acceptCarry(carried: unknown): RestoreCarry | undefined {
  if (carried === undefined || carried === null) return undefined;
  if (!workflowInfo().continuedFromExecutionRunId)
    throw ApplicationFailure.nonRetryable(
      'invalid restore input: a second argument (carried state) is accepted only from continue-as-new of the same restore',
      'InvalidInput',
    );
  const parsed = RestoreCarrySchema.safeParse(carried);
  if (!parsed.success)
    throw ApplicationFailure.nonRetryable(
      `invalid carried state: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      'InvalidInput',
    );
  if (!parsed.data.main && !parsed.data.ending)
    throw ApplicationFailure.nonRetryable(
      'invalid carried state: neither a job nor an ending to resume',
      'InvalidInput',
    );
  return parsed.data;
}

async function handOver(st: RestoreState, raw: RestoreInput): Promise<never> {
  await condition(allHandlersFinished);
  return continueAsNew<typeof restoreWorkflow>(raw, st.carry());
}

function installHandlers(st: RestoreState): void {
  const requester = st.req.requester;
  setHandler(statusQuery, () => st.status());
  setHandler(auditQuery, () => st.audit.events);
  const mustBeWaiting = (by: string | undefined) => {
    if (!st.awaitingApproval || st.decision) throw new Error('this restore is not waiting for approval');
    if (!by?.trim()) throw new Error('approver (--by) must not be empty');
  };
  setHandler(
    approveUpdate,
    ({ by, comment }) => {
      st.decision = { approved: true, by: by.trim(), note: comment };
      return `approved by ${by.trim()}`;
    },
    {
      validator: ({ by }) => {
        mustBeWaiting(by);
        if (requester && by.trim().toLowerCase() === requester.toLowerCase())
          throw new Error('the requester cannot approve their own restore');
      },
    },
  );
  setHandler(
    rejectUpdate,
    ({ by, reason }) => {
      st.decision = { approved: false, by: by.trim(), note: reason };
      return `rejected by ${by.trim()}`;
    },
    { validator: ({ by }) => mustBeWaiting(by) },
  );
}

/** Runs the restore in a scope that the deadline (or a cancel of the workflow) cancels; then says what happened. */
async function runUntilDeadline(st: RestoreState, resumed: boolean): Promise<Ending | 'continue'> {
  const main = new CancellationScope();
  const deadlineScope = new CancellationScope();
  let deadlineHit = false;
  void deadlineScope
    .run(() => sleep(Math.max(0, Date.parse(st.c.deadlineAt) - nowMs()), { summary: 'Overall restore deadline' }))
    .then(
      () => {
        deadlineHit = true;
        st.audit.add('deadline', `deadline ${st.c.deadlineAt} passed`);
        main.cancel();
      },
      () => undefined,
    );
  try {
    return await main.run(() => run(st, resumed));
  } catch (e) {
    if (!isCancellation(e)) throw e;
    return await CancellationScope.nonCancellable(() => interrupted(st, deadlineHit ? 'deadline' : 'cancel'));
  } finally {
    deadlineScope.cancel();
  }
}

async function run(st: RestoreState, resumed: boolean): Promise<Ending | 'continue'> {
  const req = st.req;
  if (!resumed) {
    st.audit.add('validated', 'input is valid');
    const first = await preflight(st, 1);
    if (first) return first;
    if (req.dryRun) return { outcome: 'DRY_RUN', reason: `dry run: preflight passed; would ${st.c.plan ?? 'restore'}` };
    if (req.requireApproval) {
      const decided = await approval(st);
      if (decided) return decided;
      // The checks may have gone stale while the approver thought about it (hours): read again before changing anything.
      const again = await preflight(st, 2);
      if (again) return again;
    }
    await learn(st);
    const notSubmitted = await submit(st);
    if (notSubmitted) return notSubmitted;
  }

  st.enter('POLLING');
  const w = st.c.main!;
  const end = await waitForJob(st, w, {
    purpose: 'restore',
    policy: req.polling,
    expectedS: st.c.expectedS,
    spread: st.c.spread,
    mayContinue: true,
    onTroubleStart: (x) =>
      notifyEvent(st, 'restore.atlas_unreachable', {
        reason: `reading restore job ${x.job.jobId} fails: ${x.trouble?.lastError ?? ''}; still waiting`,
        n: x.streaks,
      }),
  });
  if (!end.done) return 'continue';
  if (end.status === 'COMPLETED') return { outcome: 'COMPLETED', ...(end.note ? { reason: end.note } : {}) };
  return {
    outcome: 'COMPENSATED',
    reason: `Atlas reported restore job ${w.job.jobId} FAILED; check the target cluster and the Atlas activity feed`,
    undo: true,
  };
}

/** Read-only checks of source, snapshot and target; round 2 re-checks after approval. Returns an ending if they fail. */
async function preflight(st: RestoreState, round: 1 | 2): Promise<Ending | undefined> {
  const req = st.req;
  st.enter('PREFLIGHT');
  if (round === 2) st.audit.add('recheck', 'approved: running the read-only checks again before submitting');
  let report;
  try {
    report = await preflightActs.preflight.executeWithOptions(
      {
        summary: `Preflight${round === 2 ? ' (after approval)' : ''}: read-only checks of source, snapshot and target`,
      },
      [
        {
          projectId: req.projectId,
          clusterName: req.clusterName,
          snapshotId: req.snapshotId,
          targetProjectId: req.targetProjectId,
          targetClusterName: req.targetClusterName,
          backend: req.backend,
          rollbackOnFailure: req.rollbackOnFailure,
        },
      ],
    );
  } catch (e) {
    if (isCancellation(e)) throw e;
    const d = describeFailure(e);
    return {
      outcome: 'FAILED',
      reason: `the preflight checks could not be completed (${d.message})${d.hint ? `; ${d.hint}` : ''}; nothing was changed`,
    };
  }
  st.c.checks = report.checks;
  st.c.backend = report.backend;
  st.c.recoveryPoint = report.recoveryPoint;
  st.c.plan = report.plan;
  for (const c of report.checks)
    st.audit.add('check', `${c.name}: ${c.status} (${c.evidence})`, { check: c.name, status: c.status, round });
  const failed = report.checks.filter((c) => c.status === 'fail');
  st.audit.add(
    'preflight',
    `${round === 2 ? 'after approval: ' : ''}${failed.length ? `${failed.length} check(s) failed` : 'all checks passed'}`,
    { plan: report.plan, round },
  );
  st.publish();
  if (failed.length || !report.backend)
    return {
      outcome: 'PREFLIGHT_FAILED',
      reason: `preflight ${round === 2 ? 'after approval ' : ''}failed, nothing was changed: ${failed.map((c) => `${c.name} (${c.evidence})`).join('; ') || 'no restore API found for the source'}`,
    };
  return undefined;
}

/** Waits for an approve/reject update, up to the approval timeout. Returns an ending unless approved. */
async function approval(st: RestoreState): Promise<Ending | undefined> {
  const req = st.req;
  st.awaitingApproval = true;
  st.approvalTimeoutAt = new Date(nowMs() + req.approvalTimeoutS * 1000).toISOString();
  st.enter('AWAITING_APPROVAL');
  st.audit.add(
    'approval-requested',
    `waiting for approval until ${st.approvalTimeoutAt} (requester ${req.requester ?? 'unknown'})`,
  );
  await notifyEvent(st, 'restore.approval_requested', {
    reason: `approve or reject before ${st.approvalTimeoutAt}: would ${st.c.plan ?? 'restore'}`,
  });
  const decided = await condition(() => st.decision !== undefined, req.approvalTimeoutS * 1000);
  st.awaitingApproval = false;
  if (!decided) {
    st.audit.add('approval-timeout', 'no decision before the approval timeout');
    return {
      outcome: 'REJECTED',
      reason:
        'nobody approved the restore before the approval timeout; nothing was changed; start it again when an approver is available',
    };
  }
  const d = st.decision!;
  const note = `${d.by}${d.note ? `: ${d.note}` : ''}`;
  if (!d.approved) {
    st.audit.add('rejected', `rejected by ${note}`, { by: d.by });
    return { outcome: 'REJECTED', reason: `rejected by ${note}; nothing was changed` };
  }
  st.c.approvedBy = d.by;
  st.audit.add('approved', `approved by ${note}`, { by: d.by });
  return undefined;
}

/** Earlier restores into this target predict this one's duration (adaptive polling). An optimisation: never fails. */
async function learn(st: RestoreState): Promise<void> {
  if (!st.req.polling.learn) return;
  try {
    const h = await sideActs.restoreDurationHistory.executeWithOptions(
      { summary: 'Read durations of earlier restores into this target' },
      [{ targetProjectId: st.req.targetProjectId, targetClusterName: st.req.targetClusterName }],
    );
    Object.assign(st.c, expectationFrom(h.samplesS, h.pooled));
  } catch (e) {
    if (isCancellation(e)) throw e;
    // Without it the schedule starts fast and backs off.
  }
}

/** Submits exactly once; on success the job exists and its undo is pushed. Returns an ending if nothing was submitted. */
async function submit(st: RestoreState): Promise<Ending | undefined> {
  const req = st.req;
  st.enter('SUBMITTING');
  st.audit.add('submit-attempt', `submitting via the ${st.c.backend} API`);
  st.submitRequest = {
    projectId: req.projectId,
    clusterName: req.clusterName,
    snapshotId: req.snapshotId,
    targetProjectId: req.targetProjectId,
    targetClusterName: req.targetClusterName,
    backend: st.c.backend!,
    notBefore: st.c.startedAt,
  };
  let sub;
  try {
    sub = await submitWithRetries(
      st.submitRequest,
      st.audit,
      `Submit restore of ${req.snapshotId} into ${req.targetClusterName} (exactly once)`,
    );
  } catch (e) {
    if (isCancellation(e)) throw e;
    const d = describeFailure(e);
    if (d.submitted === false)
      return {
        outcome: 'FAILED',
        reason: `the restore could not be submitted (${d.message})${d.hint ? `; ${d.hint}` : ''}; nothing was changed on ${req.targetClusterName}`,
      };
    // A create may have gone through: look again before saying anything.
    const found = await lookForJob(st);
    if (found === undefined)
      return {
        outcome: 'FAILED',
        reason: `the restore could not be submitted (${d.message}), and whether Atlas created a job could not be confirmed: check ${req.targetClusterName} in Atlas before retrying`,
      };
    if (!found)
      return {
        outcome: 'FAILED',
        reason: `the restore could not be submitted (${d.message}); a lookup found no job, so nothing was changed on ${req.targetClusterName}`,
      };
    return undefined;
  }
  jobKnown(st, sub.jobId, sub.status, sub.via, sub.restoreScheduledDate);
  return undefined;
}

function jobKnown(st: RestoreState, jobId: string, status: string, via: string, restoreScheduledDate?: string): void {
  st.c.main = newWatch(
    { backend: st.c.backend!, projectId: st.req.projectId, clusterName: st.req.clusterName, jobId },
    nowIso(),
    status,
  );
  st.c.restoreScheduledDate = restoreScheduledDate;
  st.audit.add(via === 'created' ? 'submitted' : 'adopted', `restore job ${jobId} (${via})`, { jobId, status, via });
  if (st.req.rollbackOnFailure && st.c.recoveryPoint)
    pushUndo(st, { kind: 'rollback', recoveryPoint: st.c.recoveryPoint });
}

/** One look, not cancellable, for a job an interrupted or failed submit may have created. undefined: could not tell. */
async function lookForJob(st: RestoreState): Promise<boolean | undefined> {
  if (!st.submitRequest) return false;
  try {
    const found = await CancellationScope.nonCancellable(() =>
      findActs.findSubmittedJob.executeWithOptions({ summary: 'Look for a job an interrupted submit created' }, [
        st.submitRequest!,
      ]),
    );
    if (!found) return false;
    jobKnown(st, found.jobId, found.status, 'after-interruption');
    return true;
  } catch (e) {
    st.audit.add('retry', `could not check for a job created before the interruption: ${describeFailure(e).message}`);
    return undefined;
  }
}

/** Cancelled or out of time: find out what Atlas did (looking again if need be) and say exactly that. */
async function interrupted(st: RestoreState, why: Interruption): Promise<Ending> {
  const cancelled = why === 'cancel';
  if (cancelled) st.audit.add('cancel-requested', 'the workflow was cancelled');
  const head = cancelled ? 'cancelled' : `the restore did not finish by its deadline ${st.c.deadlineAt}`;
  const outcome = cancelled ? 'CANCELLED' : 'DEADLINE_EXCEEDED';
  let unsure = '';
  if (!st.c.main && st.submitRequest) {
    const found = await lookForJob(st);
    if (found === undefined)
      unsure =
        '; a submit was under way and whether it created a job could not be confirmed: check the target in Atlas';
  }
  const w = st.c.main;
  if (!w) return { outcome, reason: `${head} before anything was submitted; nothing was changed${unsure}`, cancelled };
  const look = await lastLook(st);
  const at = look.ok ? `at ${nowIso()}` : `when last read (the final look failed: ${look.error})`;
  if (w.status === 'FAILED')
    return {
      outcome: cancelled ? 'CANCELLED' : 'COMPENSATED',
      reason: `${head}; Atlas reported restore job ${w.job.jobId} FAILED`,
      undo: true,
      cancelled,
    };
  if (w.status === 'COMPLETED') {
    if (!cancelled)
      return { outcome: 'COMPLETED', reason: `Atlas job ${w.job.jobId} COMPLETED ${at}, as the deadline passed` };
    return {
      outcome,
      reason: `${head}, but Atlas job ${w.job.jobId} had already COMPLETED ${at}: the target holds the snapshot's data`,
      cancelled,
    };
  }
  return {
    outcome,
    reason: `${head}; Atlas job ${w.job.jobId} was ${w.status ?? 'not yet reported'} ${at} and keeps running (Atlas has no API to cancel it); nothing was rolled back`,
    cancelled,
  };
}

/** One read of the job after an interruption, so the outcome names its latest status. */
async function lastLook(st: RestoreState): Promise<{ ok: true } | { ok: false; error: string }> {
  const w = st.c.main!;
  try {
    const job = await sideActs.getRestoreJob.executeWithOptions(
      { summary: `Last look at restore job ${w.job.jobId}` },
      [w.job],
    );
    w.status = job.status;
    if (job.restoreFinishedDate) w.restoreFinishedDate = job.restoreFinishedDate;
    st.audit.add('poll', `job ${job.status} (last look)`, { status: job.status, poll: w.polls });
    return { ok: true };
  } catch (e) {
    return { ok: false, error: describeFailure(e).message };
  }
}
