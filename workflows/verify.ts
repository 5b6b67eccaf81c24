// The verify step after the job COMPLETED (issue 25), behind patched('verify-after-restore'): the outcome stays
// COMPLETED only if the target passes (or verification was skipped, and the result says why); otherwise it is
// VERIFY_FAILED, and the saga does not run: rollbackOnFailure undoes a failed job, while here Atlas did restore and the
// target keeps the restored data.
import { isCancellation, log, metricMeter, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { describeFailure } from '../common/failure';
import { parseDurationS } from '../common/input';
import type { Verification } from '../common/verification';
import { DEFAULT_VERIFY_TIMEOUT, VERIFY_BY_DEFAULT } from '../common/verification';
import { nowIso, nowMs } from './clock';
import type { Ending } from './finish';
import type { RestoreState } from './state';

const VERIFY_PATCH = 'verify-after-restore';

const skipped = (reason: string): Verification => {
  const at = nowIso();
  return { status: 'SKIPPED', reason, checks: [], startedAt: at, finishedAt: at };
};

/** Runs the verify step; returns the VERIFY_FAILED ending when the target fails it. Records st.verification. */
export async function verifyAfterRestore(st: RestoreState, jobId: string): Promise<Ending | undefined> {
  const asked = st.req.verify;
  if (asked === false) {
    st.verification = skipped('verify: false was given');
    return undefined;
  }
  if (asked === undefined && !VERIFY_BY_DEFAULT) {
    st.verification = skipped('not requested (give verify: {} to verify the target; see docs/verification.md)');
    return undefined;
  }
  // Restores started before this step existed finish as they would have.
  if (!patched(VERIFY_PATCH)) return undefined;
  const settings = asked ?? {};
  const timeoutS = parseDurationS(settings.timeout ?? DEFAULT_VERIFY_TIMEOUT) ?? 600;
  st.enter('VERIFYING');
  const started = nowMs();
  // One attempt's budget: the timeout, plus the Atlas calls and the manifest. A worker lost mid-verify: the retry
  // creates a new temporary user (the old one expires at its deleteAfterDate).
  const acts = proxyActivities<Activities>({
    startToCloseTimeout: `${Math.ceil(timeoutS) + 300}s`,
    heartbeatTimeout: '60s',
    retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 4 },
  });
  let v: Verification;
  try {
    v = await acts.verifyRestore.executeWithOptions(
      { summary: `Verify ${st.req.targetClusterName}: answers, holds data, meets expectations` },
      [
        {
          projectId: st.req.projectId,
          clusterName: st.req.clusterName,
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
  st.verification = v;
  const durationS = (nowMs() - started) / 1000;
  metricMeter
    .createCounter('atlas_restore_verifications_total', '1', 'verify steps by status')
    .add(1, { status: v.status });
  metricMeter
    .createHistogram('atlas_restore_verify_duration_seconds', 'float', 's', 'verify step duration')
    .record(durationS, { status: v.status });
  const failed = v.checks.filter((c) => !c.passed).map((c) => c.name);
  st.audit.add('verified', `verification ${v.status}${failed.length ? `: ${failed.join(', ')}` : ''}`, {
    status: v.status,
    collections: v.manifest?.collections,
    documents: v.manifest?.documents,
  });
  log.info(`verification ${v.status}`, { target: st.req.targetClusterName, status: v.status });
  if (v.status === 'PASSED') return undefined;
  return {
    outcome: 'VERIFY_FAILED',
    reason: `Atlas job ${jobId} COMPLETED, but the target failed verification (${v.status}): ${v.reason ?? failed.join(', ')}; the target keeps the restored data (rollbackOnFailure does not apply to VERIFY_FAILED)`,
  };
}

/** The summary restore.completed and restore.verify_failed carry. */
export const verificationSummary = (v: Verification | undefined) =>
  v && { status: v.status, collections: v.manifest?.collections, documents: v.manifest?.documents };
