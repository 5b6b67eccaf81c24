// The restore drill (issue 22): janitor → pick the snapshot → create a scratch Flex cluster → restore into it as a child
// restoreWorkflow (verified) → always tear down → report (RPO, RTO, stages, manifest, trend), events and metrics.
// The work runs in a scope the deadline (at 75 % of the drill's deadline) or a cancel ends; the teardown runs after it
// whatever happened, until the deadline. A failed drill returns its result (outcome FAILED or LEFT_BEHIND): the
// outcome is in the result and the RestoreOutcome search attribute, so the report exists for every run.
import {
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  log,
  metricMeter,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { SA } from '../common/constants';
import type { DrillInput, DrillResult } from '../common/drill';
import { drillScheduleId } from '../common/drill';
import { drillDigest, isDrillWorkflowId, parseDrillInput, scratchClusterName } from '../common/drill-input';
import { describeFailure } from '../common/failure';
import { nowIso, nowMs } from './clock';
import { drillNotifyActs, drillReads } from './drill-acts';
import { createScratchCluster, teardown, teardownDetail } from './drill-cluster';
import { childInput, requestedAt, runChildRestore } from './drill-restore';
import { DrillRun, drillStatusQuery, secondsBetween } from './drill-state';

export async function drillWorkflow(raw: DrillInput): Promise<DrillResult> {
  const parsed = parseDrillInput(raw);
  if (!parsed.ok) throw ApplicationFailure.nonRetryable(`invalid drill input: ${parsed.problems}`, 'InvalidInput');
  const info = workflowInfo();
  if (!isDrillWorkflowId(info.workflowId, parsed.drill.name))
    throw ApplicationFailure.nonRetryable(
      `invalid drill input: the workflow id must be ${drillScheduleId(parsed.drill.name)} (or a scheduled run of it), not ${info.workflowId}`,
      'InvalidInput',
    );
  const run = new DrillRun(parsed.drill);
  setHandler(drillStatusQuery, () => run.r);
  upsertSearchAttributes([
    { key: SA.projectId, value: run.d.projectId },
    { key: SA.sourceCluster, value: run.d.clusterName },
    // A drill adds no Keyword attribute: its runs are found by RestoreRequestDigest = drill:<name> (activities/drill-trend.ts).
    { key: SA.requestDigest, value: drillDigest(run.d.name) },
  ]);
  run.phase('JANITOR');

  const work = new CancellationScope();
  const timer = new CancellationScope();
  void timer
    .run(() => sleep(Math.max(0, run.workUntilMs - nowMs()), { summary: 'Drill deadline (work share)' }))
    .then(
      () => {
        run.deadlineHit = true;
        work.cancel();
      },
      () => undefined,
    );
  // The drill's own cancel: noted, so the outcome says so (the child restore is not cancelled with it).
  CancellationScope.current().cancelRequested.catch(() => {
    run.cancelled = true;
  });
  try {
    await work.run(() => drill(run));
  } catch (e) {
    if (!isCancellation(e)) run.fail(describeFailure(e).message);
  } finally {
    timer.cancel();
  }
  if (run.cancelled) {
    const r = run.r.restore;
    // Atlas cannot cancel a running restore job: the child ran to its end, and the teardown came after it.
    const child = r?.outcome ? `; its restore ${r.workflowId} ran to its end (${r.outcome}) before the teardown` : '';
    run.failure = `the drill was cancelled${child}${run.failure ? `; ${run.failure}` : ''}`;
  } else if (run.deadlineHit)
    run.fail(`the drill's work did not finish by ${new Date(run.workUntilMs).toISOString()} (75 % of its deadline)`);

  return CancellationScope.nonCancellable(async () => {
    await teardown(run);
    conclude(run);
    run.r.trend = await drillReads.drillTrend
      .executeWithOptions({ summary: 'Earlier runs of this drill' }, [{ drill: run.d.name }])
      .catch(() => []);
    run.r.finishedAt = nowIso();
    run.phase('DONE');
    record(run);
    await announce(run);
    log.info(`drill ${run.r.outcome}`, { drill: run.d.name, outcome: run.r.outcome });
    return run.r;
  });
}

/** Janitor → snapshot → scratch cluster → child restore. Throws (or sets run.failure) when the drill fails. */
async function drill(run: DrillRun): Promise<void> {
  const d = run.d;
  const j = run.begin('janitor');
  try {
    run.r.janitor = await drillReads.drillJanitor.executeWithOptions({ summary: 'Janitor: leftovers of this drill' }, [
      {
        drill: d.name,
        projectId: d.scratchProjectId,
        createdBefore: new Date(run.startedMs - d.deadlineS * 1000).toISOString(),
      },
    ]);
    const jr = run.r.janitor;
    run.end(
      j,
      `${jr.found.length} leftover(s) found, ${jr.deleted.length} deleted${jr.leftBehind.length ? `, ${jr.leftBehind.length} left: ${jr.leftBehind.join(', ')}` : ''}`,
    );
  } catch (e) {
    if (isCancellation(e)) throw e;
    // The janitor's trouble does not stop the drill: it is reported.
    run.end(j, `the janitor failed: ${describeFailure(e).message}`);
  }

  run.phase('SNAPSHOT');
  const snap = await drillReads.drillPickSnapshot.executeWithOptions(
    { summary: `Pick a snapshot of ${d.clusterName}` },
    [
      {
        drill: d.name,
        projectId: d.projectId,
        clusterName: d.clusterName,
        ...(d.snapshotId ? { snapshotId: d.snapshotId } : {}),
        ...(d.minAgeS !== undefined ? { minAgeS: d.minAgeS } : {}),
        ...(d.providerName ? { providerName: d.providerName } : {}),
        ...(d.region ? { region: d.region } : {}),
      },
    ],
  );
  run.r.snapshot = { id: snap.snapshotId, finishedAt: snap.finishedAt };

  run.r.scratch = {
    projectId: d.scratchProjectId,
    clusterName: scratchClusterName(d.clusterName, run.startedMs),
    created: false,
    deleted: false,
  };
  run.phase('CREATE_CLUSTER');
  const c = run.begin('create-cluster');
  try {
    run.end(c, await createScratchCluster(run, snap));
  } catch (e) {
    run.end(c, isCancellation(e) ? 'interrupted' : describeFailure(e).message);
    throw e;
  }

  const { result, error } = await runChildRestore(run, childInput(run, snap.snapshotId));
  // runChildRestore names the child (run.r.restore) before it starts it: a result implies the name.
  if (!result || !run.r.restore)
    return run.fail(`the restore ${run.r.restore?.workflowId ?? ''} did not report a result: ${error ?? '?'}`);
  run.r.restore = {
    ...run.r.restore,
    outcome: result.outcome,
    ...(result.restoreJobId ? { restoreJobId: result.restoreJobId } : {}),
  };
  const at = requestedAt(result);
  const v = result.verification;
  if (at) {
    run.r.requestedAt = at;
    run.r.rpoSeconds = secondsBetween(snap.finishedAt, at);
    const rs = run.begin('restore', at);
    run.end(
      rs,
      `${result.outcome}${result.restoreJobId ? ` (job ${result.restoreJobId})` : ''}`,
      v?.startedAt ?? result.finishedAt,
    );
  }
  if (v) {
    run.r.verification = {
      status: v.status,
      ...(v.reason ? { reason: v.reason } : {}),
      ...(v.manifest ? { manifest: v.manifest } : {}),
    };
    const vs = run.begin('verification', v.startedAt);
    run.end(
      vs,
      `${v.status}${v.manifest ? `: ${v.manifest.collections} collections, ${v.manifest.documents} documents` : ''}`,
      v.finishedAt,
    );
    // Both ends on the child's workflow clock (its first submit, its end after verifying): the verify activity's own
    // stamps come from the worker machine's clock, which may differ.
    if (at && v.status === 'PASSED') run.r.rtoSeconds = secondsBetween(at, result.finishedAt);
  }
  if (result.outcome === 'COMPLETED' && v?.status === 'PASSED') return;
  if (result.outcome === 'VERIFY_FAILED' || (result.outcome === 'COMPLETED' && v))
    return run.fail(
      `the restore completed but verification ${v?.status ?? 'did not pass'}: ${v?.reason ?? result.reason ?? ''}`,
    );
  run.fail(`the restore ended ${result.outcome}: ${result.reason ?? 'no reason given'}`);
}

/** The outcome and its one-sentence reason. Never PASSED without a verified restore and a confirmed delete. */
function conclude(run: DrillRun): void {
  const r = run.r;
  const s = r.scratch;
  if (s?.created && !s.deleted && !run.foreign) {
    r.outcome = 'LEFT_BEHIND';
    r.reason = `scratch cluster ${s.clusterName} (project ${s.projectId}) was LEFT BEHIND: ${teardownDetail(run)}; delete it in Atlas${run.failure ? `. Before that: ${run.failure}` : ''}`;
    return;
  }
  if (run.failure) {
    r.outcome = 'FAILED';
    r.reason = run.failure;
    return;
  }
  r.outcome = 'PASSED';
  r.reason = `snapshot ${r.snapshot?.id} restored into ${s?.clusterName}, verified (${r.verification?.manifest?.documents ?? 0} documents), and the cluster deleted; RPO ${Math.round(r.rpoSeconds ?? 0)} s, RTO ${Math.round(r.rtoSeconds ?? 0)} s`;
}

/** The drill's metrics (issue 22 item 4), labelled by drill; recorded once (not on replay). */
function record(run: DrillRun): void {
  const r = run.r;
  const drill = { drill: r.drill };
  if (r.outcome === 'PASSED')
    metricMeter
      .createGauge('atlas_restore_drill_last_success_timestamp_seconds', 'float', 's', 'when the drill last PASSED')
      .set(Date.parse(r.finishedAt) / 1000, drill);
  if (r.rtoSeconds !== undefined)
    metricMeter
      .createGauge('atlas_restore_drill_rto_seconds', 'float', 's', 'the drill’s last RTO: restore request to verified')
      .set(r.rtoSeconds, drill);
  if (r.rpoSeconds !== undefined)
    metricMeter
      .createGauge(
        'atlas_restore_drill_rpo_seconds',
        'float',
        's',
        'the drill’s last RPO: restore request − snapshot finish',
      )
      .set(r.rpoSeconds, drill);
}

/** drill.passed / drill.failed / drill.left_behind; an undelivered event never changes the outcome. */
async function announce(run: DrillRun): Promise<void> {
  const r = run.r;
  const s = r.scratch;
  try {
    await drillNotifyActs.drillNotify.executeWithOptions({ summary: `Notify: drill.${r.outcome.toLowerCase()}` }, [
      {
        type: `drill.${r.outcome.toLowerCase()}` as 'drill.passed',
        occurredAt: nowIso(),
        outcome: r.outcome,
        reason: r.reason.slice(0, 4000),
        targetProjectId: s?.projectId ?? run.d.scratchProjectId,
        targetClusterName: s?.clusterName ?? run.d.clusterName,
        ...(r.restore?.restoreJobId ? { restoreJobId: r.restore.restoreJobId } : {}),
        durationS: (nowMs() - run.startedMs) / 1000,
        drill: {
          name: r.drill,
          ...(r.rtoSeconds !== undefined ? { rtoSeconds: r.rtoSeconds } : {}),
          ...(r.rpoSeconds !== undefined ? { rpoSeconds: r.rpoSeconds } : {}),
          ...(r.outcome === 'LEFT_BEHIND' && s ? { leftBehind: s.clusterName } : {}),
        },
      },
    ]);
  } catch (e) {
    log.warn(`drill event could not be delivered: ${describeFailure(e).message}`);
  }
}
