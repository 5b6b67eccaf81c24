// The verify step after the job COMPLETED (issue 25), behind patched('verify-after-restore'): the outcome stays
// COMPLETED only if the target passes (or verification was skipped, and the result says why); otherwise it is
// VERIFY_FAILED, and the saga does not run: rollbackOnFailure undoes a failed job, while here Atlas did restore and the
// target keeps the restored data. On by default (patched('verify-by-default')); also after a rollback restore
// (patched('verify-after-rollback')).
import { isCancellation, log, metricMeter, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { describeFailure } from '../common/failure';
import { parseDurationS } from '../common/input';
import type { Verification, VerifySettings } from '../common/verification';
import { DEFAULT_VERIFY_TIMEOUT, VERIFY_BY_DEFAULT } from '../common/verification';
import { nowIso, nowMs } from './clock';
import type { Ending } from './finish';
import type { RestoreState } from './state';

const VERIFY_PATCH = 'verify-after-restore';
/** Patch id of verification on by default (a restore without `verify` is verified). */
const VERIFY_DEFAULT_PATCH = 'verify-by-default';
/** Patch id of the verify step after a rollback restore completes. */
const VERIFY_ROLLBACK_PATCH = 'verify-after-rollback';

const skipped = (reason: string): Verification => {
  const at = nowIso();
  return { status: 'SKIPPED', reason, checks: [], startedAt: at, finishedAt: at };
};

/**
 * Decides, once, in the restore's first workflow task, whether a restore without `verify` is verified: on by default
 * for new restores, off for the ones started before (their first task replays without the marker). Kept in the carried
 * state, so that a run continued as new keeps its first run's answer.
 */
export function resolveVerifyDefault(st: RestoreState): void {
  if (st.req.verify === undefined && !st.req.dryRun && VERIFY_BY_DEFAULT && patched(VERIFY_DEFAULT_PATCH))
    st.carried.verifyByDefault = true;
}

/** The settings to verify with, or why not (a SKIPPED verification). */
function settingsFor(st: RestoreState): VerifySettings | Verification {
  const asked = st.req.verify;
  if (asked === false) return skipped('verify: false was given');
  if (asked === undefined && !st.carried.verifyByDefault)
    return skipped(
      'not requested: this restore started before verification was on by default (give verify: {} to verify; see docs/verification.md)',
    );
  return asked ?? {};
}

/** Runs the verify step; returns the VERIFY_FAILED ending when the target fails it. Records st.verification. */
export async function verifyAfterRestore(st: RestoreState, jobId: string): Promise<Ending | undefined> {
  const settings = settingsFor(st);
  if ('status' in settings) {
    st.verification = settings;
    return undefined;
  }
  // Restores started before this step existed finish as they would have.
  if (!patched(VERIFY_PATCH)) return undefined;
  st.enter('VERIFYING');
  const v = await runVerify(st, settings, 'restore');
  st.verification = v;
  if (v.status === 'PASSED') return undefined;
  const failed = v.checks.filter((c) => !c.passed).map((c) => c.name);
  return {
    outcome: 'VERIFY_FAILED',
    reason: `Atlas job ${jobId} COMPLETED, but the target failed verification (${v.status}): ${v.reason ?? failed.join(', ')}; the target keeps the restored data (rollbackOnFailure does not apply to VERIFY_FAILED)`,
  };
}

/**
 * The deadline or a cancel ended the restore after its job COMPLETED but before the verify step finished (or began):
 * the target holds the snapshot's data, unverified. Returns what the outcome adds: for the deadline, VERIFY_FAILED with
 * a TIMED_OUT verification (never COMPLETED for a target that was due a verification); for a cancel, the words "not
 * verified". undefined when no verification was due (skipped) or it had finished.
 */
export function verificationCutShort(st: RestoreState, why: 'deadline' | 'cancel'): { reason: string } | undefined {
  if (st.verification) return undefined;
  const settings = settingsFor(st);
  if ('status' in settings) {
    st.verification = settings;
    return undefined;
  }
  const at = nowIso();
  const reason =
    why === 'deadline'
      ? "the restore's deadline passed before the verify step finished"
      : 'the restore was cancelled before the verify step finished';
  st.verification = {
    status: why === 'deadline' ? 'TIMED_OUT' : 'SKIPPED',
    reason,
    checks: [],
    startedAt: at,
    finishedAt: at,
  };
  return { reason };
}

/**
 * After a rollback restore COMPLETED: verifies the target as it was put back (behind its patch). Only what holds for
 * any earlier state of the target is checked: it is IDLE, answers, and (unless allowEmpty) holds a user collection;
 * `collections` and `compareWithPrevious` describe the snapshot that was restored, not the target's own earlier data.
 * Returns what the compensation step says of it, or undefined when not verified.
 */
export async function verifyAfterRollback(
  st: RestoreState,
  jobId: string,
): Promise<{ passed: boolean; detail: string } | undefined> {
  const asked = settingsFor(st);
  if ('status' in asked) {
    st.verification = { ...asked, after: 'rollback' };
    return undefined;
  }
  if (!patched(VERIFY_ROLLBACK_PATCH)) return undefined;
  const settings: VerifySettings = {
    ...(asked.timeout ? { timeout: asked.timeout } : {}),
    ...(asked.allowEmpty ? { allowEmpty: true } : {}),
  };
  const v = { ...(await runVerify(st, settings, 'rollback')), after: 'rollback' as const };
  st.verification = v;
  const m = v.manifest;
  const found = m ? ` (${m.collections} collections, ${m.documents} documents)` : '';
  if (v.status === 'PASSED') return { passed: true, detail: `the rollback's verification PASSED${found}` };
  const failed = v.checks.filter((c) => !c.passed).map((c) => c.name);
  return {
    passed: false,
    detail: `rollback job ${jobId} COMPLETED, but the target failed verification (${v.status}): ${v.reason ?? failed.join(', ')}`,
  };
}

/** One verify activity call (an activity that keeps failing becomes a FAILED verification), its metrics and audit. */
async function runVerify(
  st: RestoreState,
  settings: VerifySettings,
  after: 'restore' | 'rollback',
): Promise<Verification> {
  const timeoutS = parseDurationS(settings.timeout ?? DEFAULT_VERIFY_TIMEOUT) ?? 600;
  const started = nowMs();
  // One attempt's budget: the timeout, plus the Atlas calls and the manifest. A worker lost mid-verify: the retry
  // creates a new temporary user (the old one expires at its deleteAfterDate).
  const acts = proxyActivities<Pick<Activities, 'verifyRestore'>>({
    startToCloseTimeout: `${Math.ceil(timeoutS) + 300}s`,
    heartbeatTimeout: '60s',
    retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 4 },
  });
  const own = after === 'rollback';
  let v: Verification;
  try {
    v = await acts.verifyRestore.executeWithOptions(
      {
        summary: own
          ? `Verify ${st.req.targetClusterName} after the rollback: answers, holds data`
          : `Verify ${st.req.targetClusterName}: answers, holds data, meets expectations`,
      },
      [
        {
          // After a rollback the target holds its own earlier data: it is its own source.
          projectId: own ? st.req.targetProjectId : st.req.projectId,
          clusterName: own ? st.req.targetClusterName : st.req.clusterName,
          targetProjectId: st.req.targetProjectId,
          targetClusterName: st.req.targetClusterName,
          settings,
          workflowId: workflowInfo().workflowId,
        },
      ],
    );
  } catch (e) {
    if (isCancellation(e)) throw e;
    const d = describeFailure(e);
    const at = nowIso();
    v = {
      status: 'FAILED',
      reason: `the verify step could not run (${d.message})${d.hint ? `; ${d.hint}` : ''}`,
      checks: [{ name: 'verify-ran', passed: false, evidence: d.message }],
      startedAt: new Date(started).toISOString(),
      finishedAt: at,
    };
  }
  const durationS = (nowMs() - started) / 1000;
  metricMeter
    .createCounter('atlas_restore_verifications_total', '1', 'verify steps by status')
    .add(1, { status: v.status });
  metricMeter
    .createHistogram('atlas_restore_verify_duration_seconds', 'float', 's', 'verify step duration')
    .record(durationS, { status: v.status });
  const failed = v.checks.filter((c) => !c.passed).map((c) => c.name);
  const m = v.manifest;
  st.audit.add(
    'verified',
    `${own ? "the rollback's " : ''}verification ${v.status}${m ? ` (${m.collections} collections, ${m.documents} documents)` : ''}${failed.length ? `: ${failed.join(', ')}` : ''}`,
    { status: v.status, collections: m?.collections, documents: m?.documents, ...(own ? { after } : {}) },
  );
  log.info(`verification ${v.status}`, { target: st.req.targetClusterName, status: v.status, after });
  return v;
}

/** The summary restore.completed and restore.verify_failed carry. */
export const verificationSummary = (v: Verification | undefined) =>
  v && { status: v.status, collections: v.manifest?.collections, documents: v.manifest?.documents };
