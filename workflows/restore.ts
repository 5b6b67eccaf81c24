// The restore workflow: validate → preflight → (approval) → submit exactly once → poll until restoreFinishedDate →
// done; or compensate. COMPLETED and DRY_RUN return a RestoreResult; every other outcome fails the workflow with
// that RestoreResult as the failure's details (common/outcome.ts), so the Temporal UI shows it as failed and
// callers still read one shape. Invalid input fails it with an InvalidInput failure naming the field.
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  isCancellation,
  setHandler,
  sleep,
  workflowInfo,
  allHandlersFinished,
  log,
  metricMeter,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import { Outcome, SA } from '../common/constants';
import { isSuccess, outcomeFailure } from '../common/outcome';
import { DEFAULT_APPROVAL_TIMEOUT_S, DEFAULT_DEADLINE_S, describeIssues, RestoreInput, RestoreInputSchema } from '../common/input';
import type { SubmitRequest } from '../activities/types';
import type { RestoreResult } from '../common/result';
import { pollActs, preflightActs, sideActs } from './activity-options';
import { nowIso, nowMs } from './clock';
import { compensate, messageOf } from './compensation';
import { approveUpdate, auditQuery, rejectUpdate, statusQuery } from './definitions';
import { DEFAULT_POLLING, expectationFrom, nextPollDelayS } from './polling';
import { freshCarry, RestoreCarry, RestoreState } from './state';
import { submitWithRetries } from './submit';

export type { RestoreCarry };

/**
 * Polling is a durable timer plus one short activity per poll, and the workflow continues as new after this many
 * polls, so the history of any run stays bounded (~11 events a poll) however long the restore takes.
 * Why not one long activity that polls and heartbeats? Timers keep the schedule in the workflow, where it can learn
 * from earlier restores, show `nextPollAt` in the status query and the UI, skip time in tests, and survive a worker
 * crash without a heartbeat timeout to wait out; and a worker holds no slot while nothing happens. The cost, a few
 * events per poll, is what the adaptive schedule (workflows/polling.ts) keeps small. Measured in bench/.
 */
export const POLLS_PER_RUN = 100;

type Ending = { outcome: Outcome; reason?: string; compensate?: boolean } | { continue: true };

export async function restoreWorkflow(raw: RestoreInput, carried?: RestoreCarry): Promise<RestoreResult> {
  const parsed = RestoreInputSchema.safeParse(raw);
  if (!parsed.success) throw ApplicationFailure.nonRetryable(`invalid restore input: ${describeIssues(parsed.error)}`, 'InvalidInput');
  const input = parsed.data;
  const st = new RestoreState(input, carried ?? freshCarry(nowMs(), input.deadline ?? DEFAULT_DEADLINE_S));
  if (!carried) st.audit.add('started', `restore requested by ${input.requester ?? 'unknown'}${input.reason ? `: ${input.reason}` : ''}`, { inputDigest: digest(raw) });
  else st.audit.add('continued', `run ${st.c.runs} continues after ${st.c.polls} polls`);

  setHandler(statusQuery, () => st.status());
  setHandler(auditQuery, () => st.audit.events);
  setHandler(
    approveUpdate,
    ({ by, comment }) => {
      st.decision = { approved: true, by: by.trim(), note: comment };
      return `approved by ${by.trim()}`;
    },
    {
      validator: ({ by }) => {
        if (!st.awaitingApproval || st.decision) throw new Error('this restore is not waiting for approval');
        if (!by?.trim()) throw new Error('approver (--by) must not be empty');
        if (input.requester && by.trim().toLowerCase() === input.requester.toLowerCase()) throw new Error('the requester cannot approve their own restore');
      },
    },
  );
  setHandler(
    rejectUpdate,
    ({ by, reason }) => {
      st.decision = { approved: false, by: by.trim(), note: reason };
      return `rejected by ${by.trim()}`;
    },
    {
      validator: ({ by }) => {
        if (!st.awaitingApproval || st.decision) throw new Error('this restore is not waiting for approval');
        if (!by?.trim()) throw new Error('rejecter (--by) must not be empty');
      },
    },
  );
  st.enter(carried ? 'POLLING' : 'VALIDATING');

  // The deadline cancels the main scope; a cancel of the workflow does too. Either way, clean-up runs after.
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

  let ending: Ending;
  try {
    ending = await main.run(() => run(st, !!carried));
  } catch (e) {
    if (isCancellation(e)) {
      if (!deadlineHit) st.audit.add('cancel-requested', 'the workflow was cancelled');
      if (!st.c.jobId && st.submitRequest) await adoptAfterCancel(st, st.submitRequest);
      const submitted = !!st.c.jobId;
      ending = deadlineHit
        ? { outcome: 'DEADLINE_EXCEEDED', reason: `the restore did not finish by its deadline ${st.c.deadlineAt}; ${submitted ? `Atlas job ${st.c.jobId} was ${st.c.jobStatus}` : 'nothing was submitted'}`, compensate: submitted }
        : { outcome: 'CANCELLED', reason: submitted ? `cancelled after submit; Atlas job ${st.c.jobId} was ${st.c.jobStatus}` : 'cancelled before anything was submitted', compensate: submitted };
    } else if (e instanceof ActivityFailure) {
      // Before submit nothing has changed: the restore simply FAILED. After, the saga compensates.
      const changed = st.phase === 'SUBMITTING' || st.phase === 'POLLING';
      ending = { outcome: changed ? 'COMPENSATED' : 'FAILED', reason: failureSentence(st, e), compensate: changed };
    } else throw e;
  } finally {
    deadlineScope.cancel();
  }

  if ('continue' in ending) {
    await condition(allHandlersFinished);
    return continueAsNew<typeof restoreWorkflow>(raw, st.carry());
  }
  let outcome = ending.outcome;
  if (ending.compensate) {
    const steps = await compensate(st, outcome, ending.reason ?? '');
    if (outcome === 'COMPENSATED' && steps.some((s) => s.status === 'failed')) outcome = 'FAILED';
  }
  const result = finish(st, outcome, ending.reason);
  if (!isSuccess(outcome)) throw outcomeFailure(result);
  return result;
}

async function run(st: RestoreState, resumed: boolean): Promise<Ending> {
  const input = st.input;
  const target = { projectId: input.projectId, clusterName: input.clusterName, snapshotId: input.snapshotId, targetProjectId: st.targetProjectId, targetClusterName: input.targetClusterName };
  if (!resumed) {
    st.audit.add('validated', 'input is valid');
    st.enter('PREFLIGHT');
    const report = await preflightActs.preflight.executeWithOptions({ summary: 'Preflight: read-only checks of source, snapshot and target' }, [
      { ...target, backend: input.backend, rollbackOnFailure: input.rollbackOnFailure },
    ]);
    st.c.checks = report.checks;
    st.c.backend = report.backend;
    st.c.recoveryPoint = report.recoveryPoint;
    for (const c of report.checks) st.audit.add('check', `${c.name}: ${c.status} (${c.evidence})`, { check: c.name, status: c.status });
    const failed = report.checks.filter((c) => c.status === 'fail');
    st.audit.add('preflight', failed.length ? `${failed.length} check(s) failed` : 'all checks passed', { plan: report.plan });
    st.publish();
    if (failed.length || !report.backend)
      return { outcome: 'PREFLIGHT_FAILED', reason: `preflight failed, nothing was changed: ${failed.map((c) => `${c.name} (${c.evidence})`).join('; ')}` };
    if (input.dryRun) return { outcome: 'DRY_RUN', reason: `dry run: preflight passed; would ${report.plan}` };

    if (input.requireApproval) {
      st.awaitingApproval = true;
      st.enter('AWAITING_APPROVAL');
      st.audit.add('approval-requested', `waiting for approval (requester ${input.requester ?? 'unknown'})`);
      const decided = await condition(() => st.decision !== undefined, (input.approvalTimeout ?? DEFAULT_APPROVAL_TIMEOUT_S) * 1000);
      st.awaitingApproval = false;
      if (!decided) {
        st.audit.add('approval-timeout', 'no decision before the approval timeout');
        return { outcome: 'REJECTED', reason: 'nobody approved the restore before the approval timeout; start it again when an approver is available' };
      }
      const d = st.decision!;
      if (!d.approved) {
        st.audit.add('rejected', `rejected by ${d.by}${d.note ? `: ${d.note}` : ''}`, { by: d.by });
        return { outcome: 'REJECTED', reason: `rejected by ${d.by}${d.note ? `: ${d.note}` : ''}` };
      }
      st.c.approvedBy = d.by;
      st.audit.add('approved', `approved by ${d.by}${d.note ? `: ${d.note}` : ''}`, { by: d.by });
    }

    const policy = input.polling ?? DEFAULT_POLLING;
    if (policy.learn) {
      try {
        const h = await sideActs.restoreDurationHistory.executeWithOptions({ summary: 'Read durations of earlier restores into this target' }, [
          { targetProjectId: st.targetProjectId, targetClusterName: input.targetClusterName },
        ]);
        Object.assign(st.c, expectationFrom(h.samplesS, h.pooled));
      } catch {
        // Learning is an optimisation: without it the schedule starts fast and backs off.
      }
    }

    st.enter('SUBMITTING');
    st.audit.add('submit-attempt', `submitting via the ${st.c.backend} API`);
    st.submitRequest = { ...target, backend: st.c.backend!, notBefore: st.c.startedAt };
    const sub = await submitWithRetries(st.submitRequest, st.audit, `Submit restore of ${input.snapshotId} into ${input.targetClusterName} (exactly once)`);
    st.c.jobId = sub.jobId;
    st.c.jobStatus = sub.status;
    st.c.submittedAt = nowIso();
    st.c.restoreScheduledDate = sub.restoreScheduledDate;
    st.audit.add(sub.via === 'created' ? 'submitted' : 'adopted', `restore job ${sub.jobId} (${sub.via})`, { jobId: sub.jobId, status: sub.status, via: sub.via });
  }

  st.enter('POLLING');
  const policy = input.polling ?? DEFAULT_POLLING;
  for (;;) {
    const sinceSubmitS = (nowMs() - Date.parse(st.c.submittedAt ?? st.c.startedAt)) / 1000;
    const delayS = nextPollDelayS(policy, { polls: st.c.polls, sinceSubmitS, expectedS: st.c.expectedS, spread: st.c.spread });
    st.nextPollAt = new Date(nowMs() + delayS * 1000).toISOString();
    await sleep(Math.round(delayS * 1000), { summary: `Wait ${delayS.toFixed(1)}s before poll ${st.c.polls + 1}` });
    const job = await pollActs.getRestoreJob.executeWithOptions({ summary: `Poll restore job ${st.c.jobId}` }, [
      { backend: st.c.backend!, projectId: input.projectId, clusterName: input.clusterName, jobId: st.c.jobId! },
    ]);
    st.c.polls++;
    st.pollsThisRun++;
    st.nextPollAt = undefined;
    const changed = job.status !== st.c.jobStatus;
    st.c.jobStatus = job.status;
    st.audit.add('poll', `job ${job.status}`, { status: job.status, poll: st.c.polls });
    if (changed) st.publish();
    if (job.status === 'COMPLETED' && job.restoreFinishedDate) {
      st.restoreFinishedDate = job.restoreFinishedDate;
      return { outcome: 'COMPLETED' };
    }
    if (job.status === 'FAILED') return { outcome: 'COMPENSATED', reason: `Atlas reported restore job ${st.c.jobId} FAILED; check the target cluster and the Atlas activity feed`, compensate: true };
    if (st.pollsThisRun >= POLLS_PER_RUN || workflowInfo().continueAsNewSuggested) return { continue: true };
  }
}

/**
 * Cancelled (or out of time) while submitting, between attempts: an earlier attempt may still have created a job
 * (a 500 after commit). Look once, without being cancellable, so that such a job is known and compensated.
 */
async function adoptAfterCancel(st: RestoreState, req: SubmitRequest): Promise<void> {
  try {
    const found = await CancellationScope.nonCancellable(() =>
      sideActs.findSubmittedJob.executeWithOptions({ summary: 'Look for a job an interrupted submit created' }, [req]),
    );
    if (!found) return;
    st.c.jobId = found.jobId;
    st.c.jobStatus = found.status;
    st.audit.add('adopted', `restore job ${found.jobId} found after the interruption`, { jobId: found.jobId, status: found.status, via: 'after-cancel' });
  } catch (e) {
    st.audit.add('retry', `could not check for a job created before the interruption: ${messageOf(e)}`);
  }
}

function finish(st: RestoreState, outcome: Outcome, reason?: string): RestoreResult {
  st.outcome = outcome;
  st.audit.add('finished', `${outcome}${reason ? `: ${reason}` : ''}`, { outcome });
  st.enter('DONE');
  // The Atlas-side duration of a completed restore feeds the polling schedule of the next one into this target.
  const from = st.c.restoreScheduledDate ?? st.c.submittedAt;
  const durationS = st.restoreFinishedDate && from ? (Date.parse(st.restoreFinishedDate) - Date.parse(from)) / 1000 : undefined;
  if (outcome === 'COMPLETED' && durationS && durationS > 0) upsertSearchAttributes([{ key: SA.durationS, value: durationS }]);
  metricMeter.createCounter('atlas_restore_outcomes', '1', 'finished restores by outcome').add(1, { outcome });
  log.info(`restore finished: ${outcome}`, { target: st.input.targetClusterName, outcome, reason });
  const info = workflowInfo();
  return {
    workflowId: info.workflowId,
    runId: info.runId,
    outcome,
    reason,
    backend: st.c.backend,
    restoreJobId: st.c.jobId,
    restoreFinishedDate: st.restoreFinishedDate,
    jobStatus: st.c.jobStatus,
    checks: st.c.checks,
    compensations: st.compensations,
    recoveryPoint: st.c.recoveryPoint,
    approvedBy: st.c.approvedBy,
    polls: st.c.polls,
    startedAt: st.c.startedAt,
    finishedAt: nowIso(),
    audit: st.audit.events,
  };
}

function failureSentence(st: RestoreState, e: ActivityFailure): string {
  const msg = messageOf(e);
  if (st.phase === 'PREFLIGHT') return `the preflight checks could not be completed (${msg}); nothing was changed; retry when Atlas answers again`;
  if (!st.c.jobId) return `the restore could not be submitted (${msg}); nothing was changed on ${st.input.targetClusterName}; retry once the cause is fixed`;
  return `the restore job ${st.c.jobId} could not be followed (${msg})`;
}

/** A short, stable digest of the input for the audit trail (FNV-1a over its JSON; not a secret, not reversible). */
function digest(v: unknown): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(v)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}
