// One drill run's state: the result as it grows (the drillStatus query answers it), its stages and their durations,
// the deadlines, and how the run shows in the Temporal UI (search attributes reused from restores, current details).
import { defineQuery, setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { SA } from '../common/constants';
import type { DrillResult, DrillStage } from '../common/drill';
import type { ResolvedDrill } from '../common/drill-input';
import { nowIso, nowMs } from './clock';

/** The drill's result so far (final once the run has closed). No argument: nothing to validate. */
export const drillStatusQuery = defineQuery<DrillResult>('drillStatus');

/** What the RestorePhase attribute says of a drill (a restore's phases are common/constants.ts PHASES). */
export type DrillPhase = 'JANITOR' | 'SNAPSHOT' | 'CREATE_CLUSTER' | 'RESTORE' | 'TEARDOWN' | 'DONE';

/** Share of the deadline the drill's work may use; the rest is kept for the teardown. */
const WORK_SHARE = 0.75;

/** Seconds from a to b, never negative: the clocks behind them (Atlas's, a worker's, the workflow's) may disagree. */
export const secondsBetween = (a: string, b: string): number => Math.max(0, (Date.parse(b) - Date.parse(a)) / 1000);

export class DrillRun {
  readonly startedMs = nowMs();
  readonly deadlineAtMs: number;
  /** The work (janitor → restore) is cancelled at this time, so that the teardown has the rest of the deadline. */
  readonly workUntilMs: number;
  readonly r: DrillResult;
  /** The create was sent: the teardown must find (and delete) the cluster if it exists. */
  createSent = false;
  /** The teardown found a cluster by that name that is not this run's: it is never touched. */
  foreign?: string;
  /** Why the work stopped short (first reason wins). */
  failure?: string;
  cancelled = false;
  deadlineHit = false;

  constructor(readonly d: ResolvedDrill) {
    const info = workflowInfo();
    this.deadlineAtMs = this.startedMs + d.deadlineS * 1000;
    this.workUntilMs = this.startedMs + d.deadlineS * 1000 * WORK_SHARE;
    this.r = {
      drill: d.name,
      workflowId: info.workflowId,
      runId: info.runId,
      outcome: 'FAILED',
      reason: 'running',
      startedAt: new Date(this.startedMs).toISOString(),
      finishedAt: '',
      source: { projectId: d.projectId, clusterName: d.clusterName },
      stages: [],
      janitor: { found: [], deleted: [], leftBehind: [] },
      trend: [],
    };
  }

  /** The scratch cluster, named before anything is created (workflows/drill.ts); asking earlier is a bug. */
  get scratch(): NonNullable<DrillResult['scratch']> {
    if (!this.r.scratch) throw new Error('the scratch cluster is not named yet');
    return this.r.scratch;
  }

  fail(reason: string): void {
    this.failure ??= reason;
  }

  begin(name: DrillStage['name'], at: string = nowIso()): DrillStage {
    const s: DrillStage = { name, startedAt: at };
    this.r.stages.push(s);
    return s;
  }

  end(s: DrillStage, detail: string, at: string = nowIso()): void {
    s.finishedAt = at;
    s.durationS = secondsBetween(s.startedAt, at);
    s.detail = detail;
  }

  /** RestorePhase (and, once known, the scratch cluster and snapshot) on the run; the UI's current details. */
  phase(p: DrillPhase): void {
    const r = this.r;
    upsertSearchAttributes([
      { key: SA.phase, value: p },
      ...(r.scratch
        ? [
            { key: SA.targetProjectId, value: r.scratch.projectId },
            { key: SA.targetCluster, value: r.scratch.clusterName },
          ]
        : []),
      ...(r.snapshot ? [{ key: SA.snapshotId, value: r.snapshot.id }] : []),
      ...(p === 'DONE' ? [{ key: SA.outcome, value: r.outcome }] : []),
    ]);
    setCurrentDetails(
      [
        `**Restore drill** \`${r.drill}\`: ${p}${p === 'DONE' ? ` — ${r.outcome}: ${r.reason}` : ''}`,
        `- source: \`${r.source.clusterName}\` in project \`${r.source.projectId}\``,
        ...(r.snapshot ? [`- snapshot: \`${r.snapshot.id}\` (finished ${r.snapshot.finishedAt})`] : []),
        ...(r.scratch ? [`- scratch cluster: \`${r.scratch.clusterName}\` in project \`${r.scratch.projectId}\``] : []),
        ...(r.restore ? [`- restore: \`${r.restore.workflowId}\``] : []),
        `- deadline: ${new Date(this.deadlineAtMs).toISOString()}`,
      ].join('\n'),
    );
  }
}
