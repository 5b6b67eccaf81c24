// The restore workflow: validate → preflight → (approval → preflight again) → submit exactly once → wait for the
// job (workflows/wait.ts) → done; when the job FAILED, the saga runs its undos (workflows/compensation.ts). The steps
// before the wait are workflows/steps.ts; how a restore ends, and how each ending shows in Temporal, workflows/finish.ts.
//
// The outcome says what Atlas did to the target, nothing more and nothing less: once a job exists, only the job's own
// terminal status decides; before that, nothing was changed, whatever went wrong (workflows/finish.ts nothingChanged),
// unless a create whose answer was lost may have made a job that no lookup could confirm: then it says so.
import {
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  setHandler,
  sleep,
  workflowInfo,
  allHandlersFinished,
} from '@temporalio/workflow';
import { describeFailure } from '../common/failure';
import { NO_REQUESTER, restoreWorkflowId, type RestoreInput } from '../common/input';
import { parseWorkflowRequest } from '../common/request';
import { CONTROLS_MESSAGE, hasControls, NAME_MAX, NOTE_MAX } from '../common/text';
import type { RestoreResult } from '../common/result';
import { sideActs } from './activity-options';
import { nowIso, nowMs } from './clock';
import { compensate } from './compensation';
import type { DecisionBinding } from './definitions';
import { approveUpdate, auditQuery, rejectUpdate, statusQuery } from './definitions';
import type { Ending, Interruption } from './finish';
import { finish, nothingChanged } from './finish';
import { notifyEvent } from './notify';
import type { JobWatch, RestoreCarry } from './carry-schema';
import { carrySchemas } from './carry-schema';
import { freshCarry, RestoreState } from './state';
import { approval, learn, lookForJob, preflight, relearn, submit } from './steps';
import { streakEnded } from './rate-limited';
import { BASELINE_PATCH } from './submit';
import { resolveVerifyDefault, verificationCutShort, verifyAfterRestore } from './verify';
import { POLLS_PER_RUN, waitForJob } from './wait';

export type { RestoreCarry };

/** Patch id of the check that the workflow id is the one the target names (issue 21). */
const WORKFLOW_ID_PATCH = 'workflow-id-is-target';
/** Patch id of the approval the worker's policy asks for when the request did not (issue 21). */
const POLICY_APPROVAL_PATCH = 'policy-requires-approval';
export { POLLS_PER_RUN };

export async function restoreWorkflow(raw: RestoreInput, carried?: RestoreCarry): Promise<RestoreResult> {
  const carry = acceptCarry(carried);
  const parsed = parseWorkflowRequest(raw);
  if (!parsed.ok) throw ApplicationFailure.nonRetryable(`invalid restore input: ${parsed.problems}`, 'InvalidInput');
  const req = parsed.req;
  // A start that bypasses the CLI's schema (another SDK, `temporal workflow start`) gets the same refusal.
  if (!carry && req.requireApproval && !req.requester && patched(BASELINE_PATCH))
    throw ApplicationFailure.nonRetryable(`invalid restore input: requester: ${NO_REQUESTER}`, 'InvalidInput');
  // One restore per target holds only if the id is the target's: a direct start under another id is refused.
  if (patched(WORKFLOW_ID_PATCH) && workflowInfo().workflowId !== restoreWorkflowId(req))
    throw ApplicationFailure.nonRetryable(
      `invalid restore input: the workflow id must be ${restoreWorkflowId(req)} (one restore per target), not ${workflowInfo().workflowId}`,
      'InvalidInput',
    );
  const st = new RestoreState(req, carry ?? freshCarry(nowMs(), req.deadlineS));
  if (!carry) resolveVerifyDefault(st);
  if (!carry)
    st.audit.add(
      'started',
      `restore requested by ${req.requester ?? 'unknown'}${req.reason ? `: ${req.reason}` : ''}`,
      { requestDigest: st.digest },
    );
  else st.audit.add('continued', `run ${st.carried.runs} continues after ${st.carried.main?.polls ?? 0} polls`);
  installHandlers(st);
  st.enter(carry?.ending ? 'COMPENSATING' : carry ? 'POLLING' : 'VALIDATING');

  const ending: Ending | 'continue' = st.carried.ending
    ? { ...st.carried.ending, undo: true }
    : await runUntilDeadline(st, !!carry);
  if (ending === 'continue') return handOver(st, raw);
  if (ending.undo) {
    st.carried.ending = { outcome: ending.outcome, reason: ending.reason ?? ending.outcome };
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
  const parsed = carrySchemas().RestoreCarrySchema.safeParse(carried);
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
  const mustBeWaiting = (by: unknown, note: unknown, noteName: string, bound: DecisionBinding) => {
    if (!st.awaitingApproval || st.decision) throw new Error('this restore is not waiting for approval');
    const info = workflowInfo();
    if (bound.runId !== undefined && bound.runId !== info.runId)
      throw new Error(
        `you reviewed a different request: run ${String(bound.runId)} is not the run waiting for approval (${info.runId}); run \`atlas-restore status ${info.workflowId}\` again`,
      );
    if (bound.requestDigest !== undefined && bound.requestDigest !== st.digest)
      throw new Error(
        `you reviewed a different request: digest ${String(bound.requestDigest)} is not this restore's ${st.digest}`,
      );
    if (st.carried.policy?.mode === 'enforced' && (bound.runId === undefined || bound.requestDigest === undefined))
      throw new Error('under the restore policy a decision must name the run id and request digest it reviewed');
    // Bounded and clean before anything is kept: a decision's text lives in the state carried across continue-as-new.
    if (typeof by !== 'string' || !by.trim()) throw new Error('approver (--by) must not be empty');
    checkText('--by', by, NAME_MAX);
    if (note !== undefined) checkText(noteName, note, NOTE_MAX);
    if (signedMode() && (typeof bound.signed?.statement !== 'string' || typeof bound.signed.signature !== 'string'))
      throw new Error(
        'the restore policy asks for a signed decision: sign it with --signingKey (or ATLAS_RESTORE_SIGNING_KEY)',
      );
  };
  // Under a policy that asks for approval, a decision counts only once the worker has verified its signature: the
  // principal comes from the key, never from `by` (which stays a display name).
  const signedMode = () => st.carried.policy?.mode === 'enforced' && st.carried.policy.approvers > 0;
  const approvals: string[] = [];
  const decideSigned = async (action: 'approve' | 'reject', signed: DecisionBinding['signed'], note?: string) => {
    let principal: string;
    try {
      principal = (
        await sideActs.verifyDecision.executeWithOptions({ summary: `Verify the signed ${action}` }, [
          { action, signed },
        ])
      ).principal;
    } catch (e) {
      throw ApplicationFailure.create({
        type: 'DecisionRefused',
        message: `${action} refused: ${describeFailure(e).message}`,
        nonRetryable: true,
      });
    }
    const refused = (why: string) =>
      ApplicationFailure.create({ type: 'DecisionRefused', message: why, nonRetryable: true });
    if (!st.awaitingApproval || st.decision) throw refused('this restore is no longer waiting for approval');
    if (action === 'reject') {
      st.decision = { approved: false, by: principal, note };
      return `rejected by ${principal} (verified)`;
    }
    if (approvals.includes(principal)) throw refused(`${principal} has already approved`);
    approvals.push(principal);
    const need = st.carried.policy?.mode === 'enforced' ? st.carried.policy.approvers : 1;
    if (approvals.length >= need) st.decision = { approved: true, by: approvals.join(', '), note };
    return `approved by ${principal} (verified)${approvals.length < need ? `; ${need - approvals.length} more approval(s) needed` : ''}`;
  };
  setHandler(
    approveUpdate,
    ({ by, comment, signed }) => {
      if (signedMode()) return decideSigned('approve', signed, comment);
      st.decision = { approved: true, by: by.trim(), note: comment };
      return `approved by ${by.trim()}`;
    },
    {
      validator: ({ by, comment, runId, requestDigest, signed }) => {
        mustBeWaiting(by, comment, '--comment', { runId, requestDigest, signed });
        if (requester && by.trim().toLowerCase() === requester.toLowerCase())
          throw new Error('the requester cannot approve their own restore');
      },
    },
  );
  setHandler(
    rejectUpdate,
    ({ by, reason, signed }) => {
      if (signedMode()) return decideSigned('reject', signed, reason);
      st.decision = { approved: false, by: by.trim(), note: reason };
      return `rejected by ${by.trim()}`;
    },
    {
      validator: ({ by, reason, runId, requestDigest, signed }) =>
        mustBeWaiting(by, reason, '--reason', { runId, requestDigest, signed }),
    },
  );
}

function checkText(what: string, v: unknown, max: number): void {
  if (typeof v !== 'string') throw new Error(`${what} must be text`);
  if (v.length > max) throw new Error(`${what} must be at most ${max} characters (got ${v.length})`);
  if (hasControls(v)) throw new Error(`${what} ${CONTROLS_MESSAGE}`);
}

/** Runs the restore in a scope that the deadline (or a cancel of the workflow) cancels; then says what happened. */
async function runUntilDeadline(st: RestoreState, resumed: boolean): Promise<Ending | 'continue'> {
  const main = new CancellationScope();
  const deadlineScope = new CancellationScope();
  let deadlineHit = false;
  void deadlineScope
    .run(() => sleep(Math.max(0, Date.parse(st.carried.deadlineAt) - nowMs()), { summary: 'Overall restore deadline' }))
    .then(
      () => {
        deadlineHit = true;
        st.audit.add('deadline', `deadline ${st.carried.deadlineAt} passed`);
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
    if (req.dryRun)
      return nothingChanged('DRY_RUN', (n) => `dry run: preflight passed; would ${st.carried.plan ?? 'restore'}; ${n}`);
    // The policy can only add an approval the request did not ask for, never remove one (issue 21).
    const policyAsks = st.carried.policy?.mode === 'enforced' && st.carried.policy.approvers > 0;
    if (req.requireApproval || (policyAsks && patched(POLICY_APPROVAL_PATCH))) {
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

  const w = st.carried.main;
  // Never so: acceptCarry resumes only a run with a job (or an ending, finished before run), and submit made one.
  if (!w) throw ApplicationFailure.nonRetryable('invalid carried state: no job to wait for', 'InvalidInput');
  st.enter('POLLING');
  const end = await waitForJob(st, w, {
    purpose: 'restore',
    policy: req.polling,
    // The state's own: relearn updates it in place, and it survives continue-as-new.
    learned: st.learned,
    relearn: () => relearn(st),
    mayContinue: true,
    onTroubleStart: (x) =>
      notifyEvent(st, 'restore.atlas_unreachable', {
        reason: `reading restore job ${x.job.jobId} fails: ${x.trouble?.lastError ?? ''}; still waiting`,
        n: x.streaks,
      }),
  });
  if (!end.done) return 'continue';
  if (end.status === 'COMPLETED')
    return (
      (await verifyAfterRestore(st, w.job.jobId)) ?? { outcome: 'COMPLETED', ...(end.note ? { reason: end.note } : {}) }
    );
  return {
    outcome: 'COMPENSATED',
    reason: `Atlas reported restore job ${w.job.jobId} FAILED; check the target cluster and the Atlas activity feed`,
    undo: true,
  };
}

/** Cancelled or out of time: find out what Atlas did (looking again if need be) and say exactly that. */
async function interrupted(st: RestoreState, why: Interruption): Promise<Ending> {
  const cancelled = why === 'cancel';
  if (cancelled) st.audit.add('cancel-requested', 'the workflow was cancelled');
  const head = cancelled ? 'cancelled' : `the restore did not finish by its deadline ${st.carried.deadlineAt}`;
  const outcome = cancelled ? 'CANCELLED' : 'DEADLINE_EXCEEDED';
  // A create whose answer was lost, and no lookup since could tell whether it made a job.
  const unsure = !st.carried.main && st.submitRequest ? (await lookForJob(st)) === undefined : false;
  const w = st.carried.main;
  const rl = st.rateLimited;
  // A wait for Atlas's rate limit that the interruption ended: its count, for the trail (its entries are only the
  // first 429 and every 20th). Only ever set on the patched paths (workflows/rate-limited.ts).
  if (rl) streakEnded(st.audit, rl, `the ${cancelled ? 'cancel' : 'deadline'} ended the wait for the ${rl.operation}`);
  // Atlas refused every call, and so did nothing (unless an earlier ambiguous create could not be settled).
  if (!w && !cancelled && rl && !unsure)
    return nothingChanged(
      'FAILED',
      (n) =>
        `${n}: Atlas kept answering 429 until the deadline ${st.carried.deadlineAt} (${rl.attempts} in a row to the ${rl.operation} since ${rl.since})`,
    );
  // Never "nothing was changed" when a job may exist that no lookup confirmed.
  if (!w && unsure)
    return {
      outcome,
      reason: `${head} before any job was confirmed; a submit was under way and whether it created a job could not be confirmed: check the target in Atlas`,
      targetChanged: 'unconfirmed',
      cancelled,
    };
  if (!w) return nothingChanged(outcome, (n) => `${head} before anything was submitted; ${n}`, { cancelled });
  const look = await lastLook(st, w);
  const at = look.ok ? `at ${nowIso()}` : `when last read (the final look failed: ${look.error})`;
  if (w.status === 'FAILED')
    return {
      outcome: cancelled ? 'CANCELLED' : 'COMPENSATED',
      reason: `${head}; Atlas reported restore job ${w.job.jobId} FAILED`,
      undo: true,
      cancelled,
    };
  if (w.status === 'COMPLETED') {
    // A target due a verification that did not finish is not COMPLETED: the data is there, unproven.
    const unverified = verificationCutShort(st, why);
    if (!cancelled)
      return unverified
        ? {
            outcome: 'VERIFY_FAILED',
            reason: `Atlas job ${w.job.jobId} COMPLETED ${at}, but ${unverified.reason} (TIMED_OUT); the target keeps the restored data`,
          }
        : { outcome: 'COMPLETED', reason: `Atlas job ${w.job.jobId} COMPLETED ${at}, as the deadline passed` };
    return {
      outcome,
      reason: `${head}, but Atlas job ${w.job.jobId} had already COMPLETED ${at}: the target holds the snapshot's data${unverified ? ', not verified' : ''}`,
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
async function lastLook(st: RestoreState, w: JobWatch): Promise<{ ok: true } | { ok: false; error: string }> {
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
