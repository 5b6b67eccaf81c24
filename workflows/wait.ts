// The one way a restore waits for an Atlas restore job (its own, and the saga's rollback): the schedule from
// polling.ts, one rule for "done", the continue-as-new bound, audit entries, the status query and the UI's details.
//
// Done means the job's own terminal status: COMPLETED or FAILED. Any other status, including one outside the
// documented enum (the spec's text mentions CLOSED, which its enum lacks), is "not finished": keep polling, audit it
// once with the raw value, count it. COMPLETED without restoreFinishedDate ends after one confirming read.
//
// Once a job exists, no other Atlas answer decides anything: a failed read (401/403 while a secret is rotated, 5xx,
// a timeout, a garbled body) is retried here, with backoff up to the policy's maxS, until the restore's deadline
// cancels the wait. The poll activity itself is tried once, so that this loop sees every failure: it shows the streak
// (status, details, one audit entry, a metric, one notification) and goes on as soon as Atlas answers again.
import { isCancellation, metricMeter, sleep, workflowInfo } from '@temporalio/workflow';
import { describeFailure, failureSummary } from '../common/failure';
import type { PollingPolicy } from '../common/input';
import { jitterOf, retryAfterDelayMs } from '../common/retry-after';
import { nowIso, nowMs } from './clock';
import { jobReadActs } from './activity-options';
import type { PollState } from './polling';
import { nextPollDelayS, relearnDue } from './polling';
import type { JobWatch } from './carry-schema';
import type { LearnedSchedule, RestoreState } from './state';

/**
 * Polling is a durable timer plus one short activity per poll, and the workflow continues as new after this many
 * polls (or failed reads), so the history of any run stays bounded (~11 events a poll) however long the restore takes.
 * Why not one long activity that polls and heartbeats? Timers keep the schedule in the workflow, where it can learn
 * from earlier restores, show `nextPollAt` in the status query and the UI, skip time in tests, and survive a worker
 * crash without a heartbeat timeout to wait out; and a worker holds no slot while nothing happens.
 */
export const POLLS_PER_RUN = 100;

/** The statuses the API documents. Only COMPLETED and FAILED end a wait. */
const KNOWN_STATUSES = ['PENDING', 'QUEUED', 'RUNNING', 'FAILED', 'COMPLETED'];

export type WaitEnd =
  | { done: true; status: 'COMPLETED' | 'FAILED'; note?: string }
  /** This run has polled enough: continue as new and wait on. */
  | { done: false; reason: 'continue' }
  /** `untilMs` passed first. */
  | { done: false; reason: 'timeout' };

export interface WaitOptions {
  /** 'restore' or 'rollback': names the job in audit entries, summaries and metrics. */
  purpose: 'restore' | 'rollback';
  policy: PollingPolicy;
  /** The learned expectation (restore only), read at each poll: `relearn` may update it. */
  learned?: LearnedSchedule;
  /** Reads the history again and updates `learned` (restore only; the schedule says when: relearnDue). */
  relearn?: () => Promise<void>;
  /** Stop waiting at this time (workflow ms); else only the deadline's cancellation stops the wait. */
  untilMs?: number;
  /** Whether this run may hand over to the next one (false while a cancelled restore cleans up). */
  mayContinue: boolean;
  /** Called once when a streak of failing reads begins (the notification). Must not throw. */
  onTroubleStart?: (w: JobWatch) => Promise<void>;
}

export async function waitForJob(st: RestoreState, w: JobWatch, o: WaitOptions): Promise<WaitEnd> {
  const tags = { purpose: o.purpose };
  for (;;) {
    if (o.mayContinue && (st.pollsThisRun >= POLLS_PER_RUN || workflowInfo().continueAsNewSuggested))
      return { done: false, reason: 'continue' };
    if (o.relearn && !w.trouble && !w.completedSeenAt && relearnDue(o.policy, pollState(w, o))) await o.relearn();
    let delayMs = delayBeforeNextReadMs(w, o);
    if (o.untilMs !== undefined) {
      if (nowMs() >= o.untilMs) return { done: false, reason: 'timeout' };
      delayMs = Math.min(delayMs, o.untilMs - nowMs());
    }
    st.nextPollAt = new Date(nowMs() + delayMs).toISOString();
    st.show();
    await sleep(delayMs, {
      summary: `Wait ${(delayMs / 1000).toFixed(1)}s before reading ${o.purpose} job ${w.job.jobId}`,
    });
    st.pollsThisRun++;
    let job;
    try {
      job = await jobReadActs.getRestoreJob.executeWithOptions({ summary: `Read ${o.purpose} job ${w.job.jobId}` }, [
        w.job,
      ]);
    } catch (e) {
      if (isCancellation(e)) throw e;
      await troubled(st, w, o, describeFailure(e));
      continue;
    }
    st.nextPollAt = undefined;
    if (w.trouble) {
      st.audit.add(
        'atlas-recovered',
        `Atlas answers again after ${w.trouble.attempts} failed read(s) since ${w.trouble.since}`,
        { purpose: o.purpose, attempts: w.trouble.attempts, since: w.trouble.since },
      );
      w.trouble = undefined;
    }
    w.polls++;
    const changed = job.status !== w.status;
    w.status = job.status;
    st.audit.add('poll', `${o.purpose === 'rollback' ? 'rollback ' : ''}job ${job.status}`, {
      status: job.status,
      poll: w.polls,
      purpose: o.purpose === 'rollback' ? 'rollback' : undefined,
    });
    if (changed) st.publish();

    if (!KNOWN_STATUSES.includes(job.status)) {
      metricMeter
        .createCounter('atlas_restore_unknown_job_status', '1', 'job reads with a status outside the documented enum')
        .add(1, tags);
      if (!w.unknownSeen.includes(job.status)) {
        w.unknownSeen.push(job.status);
        st.audit.add(
          'unknown-job-status',
          `Atlas reported status '${job.status}' for job ${w.job.jobId}, which the API does not document; treated as not finished, still waiting`,
          { status: job.status, purpose: o.purpose },
        );
      }
      w.completedSeenAt = undefined;
      continue;
    }
    if (job.status === 'FAILED') return { done: true, status: 'FAILED' };
    if (job.status === 'COMPLETED') {
      if (job.restoreFinishedDate) {
        w.restoreFinishedDate = job.restoreFinishedDate;
        return { done: true, status: 'COMPLETED' };
      }
      if (w.completedSeenAt) {
        const note = `Atlas reported job ${w.job.jobId} COMPLETED without restoreFinishedDate, first at ${w.completedSeenAt} and again at ${nowIso()}; taken as finished at ${nowIso()} (our observation, not Atlas's time)`;
        st.audit.add('confirming', note, { purpose: o.purpose, confirmedAt: nowIso() });
        return { done: true, status: 'COMPLETED', note };
      }
      w.completedSeenAt = nowIso();
      st.audit.add(
        'confirming',
        `job ${w.job.jobId} COMPLETED without restoreFinishedDate; one more read confirms it`,
        { purpose: o.purpose },
      );
      continue;
    }
    w.completedSeenAt = undefined;
  }
}

/** While reads fail: seconds before the next one, doubling from initialS up to maxS. */
const troubleBackoffS = (p: WaitOptions['policy'], attempts: number): number =>
  Math.min(p.maxS, p.initialS * Math.pow(2, attempts - 1));

/** The schedule: the polling policy while Atlas answers; while reads fail, backoff from initialS up to maxS. */
function delayBeforeNextReadMs(w: JobWatch, o: WaitOptions): number {
  const p = o.policy;
  if (w.trouble) return Math.round(troubleBackoffS(p, w.trouble.attempts) * 1000);
  // A confirming read comes soon: the job said it is done.
  if (w.completedSeenAt) return Math.round(p.nearS * 1000);
  return Math.round(nextPollDelayS(p, pollState(w, o)) * 1000);
}

/** What the schedule knows now: polls so far, time since submit, and the learned expectation. */
function pollState(w: JobWatch, o: WaitOptions): PollState {
  const l = o.learned;
  return {
    polls: w.polls,
    sinceSubmitS: (nowMs() - Date.parse(w.submittedAt)) / 1000,
    ...(l
      ? { expectedS: l.expectedS, spread: l.spread, spreadDf: l.spreadDf, spreadHi: l.spreadHi, relearned: l.relearned }
      : {}),
  };
}

/** A failed read: start or extend the streak, show it once, and let the loop try again. */
async function troubled(
  st: RestoreState,
  w: JobWatch,
  o: WaitOptions,
  d: ReturnType<typeof describeFailure>,
): Promise<void> {
  const lastError = `${failureSummary(d)}: ${d.message}`.slice(0, 500);
  metricMeter
    .createCounter(
      'atlas_restore_job_read_failures',
      '1',
      'failed reads of a submitted job (retried until the deadline)',
    )
    .add(1, { purpose: o.purpose, type: d.type });
  if (w.trouble) {
    w.trouble = { ...w.trouble, attempts: w.trouble.attempts + 1, lastError };
  } else {
    w.trouble = { since: nowIso(), attempts: 1, lastError };
    w.streaks++;
    metricMeter
      .createCounter('atlas_restore_atlas_trouble_streaks', '1', 'streaks of failing Atlas reads after submit')
      .add(1, { purpose: o.purpose });
    st.audit.add(
      'atlas-trouble',
      `reading ${o.purpose} job ${w.job.jobId} failed (${lastError})${d.hint ? `; ${d.hint}` : ''}; Atlas may still be running it, so the restore keeps trying until ${st.carried.deadlineAt}`,
      { purpose: o.purpose, type: d.type, status: d.status, errorCode: d.errorCode, streak: w.streaks },
    );
    st.show();
    await o.onTroubleStart?.(w);
  }
  // A Retry-After longer than the backoff is honoured (deterministic jitter).
  if (d.retryAfterS !== undefined) {
    const ra = retryAfterDelayMs(
      d.retryAfterS,
      jitterOf(`${workflowInfo().workflowId}:${w.job.jobId}:${w.trouble.attempts}`),
    );
    const backoff = troubleBackoffS(o.policy, w.trouble.attempts) * 1000;
    if (ra > backoff) await sleep(ra - backoff, { summary: `Retry-After ${d.retryAfterS}s` });
  }
  st.show();
}
