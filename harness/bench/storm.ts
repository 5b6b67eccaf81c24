// One round of the storm: start every restore of the round (ours, the fixed-timer peer's and the watch-loop
// process's, on mirrored targets with identical durations), wait until none is running, then read back what happened
// from Temporal (visibility and histories), from the watch-loop process and from the simulator (jobs and calls).
import type { Client, WorkflowExecutionInfo, WorkflowHandle } from '@temporalio/client';
import { startRestore } from '../product/client';
import { SA } from '../product/common';
import type { PollingPolicy } from '../product/common';
import { restoreWorkflowId } from '../product/common';
import type { AtlasSimulator } from '../product/dev-tools';
import type { PairCalls } from './calls';
import { callsByPair } from './calls';
import { mapLimit } from './pool';
import { fixedTimerRestoreWorkflow } from './peers/fixed-timer-workflow';
import { ATLAS_CLI_WATCH } from './peers/replay';
import type { WatchLoopRun } from './peers/watch-loop-process';
import { runWatchLoop } from './peers/watch-loop-process';
import type { Orchestrator, RestoreRecord } from './records';
import type { StageSamples } from './stages';
import { addStages, emptyStages } from './stages';
import type { BenchPair, BenchWorld } from './world';

export interface RoundContext {
  client: Client;
  sim: AtlasSimulator;
  bw: BenchWorld;
  ourQueue: string;
  peerQueue: string;
  /** Un-scaled seconds → wall seconds: divide by this. */
  scale: number;
  /** Our restore input's polling policy and deadline, already scaled. */
  policy: PollingPolicy;
  deadlineS: number;
  /** Restores in flight at most, per orchestrator. */
  concurrency: number;
  /** Start RPCs in flight at most. */
  startParallelism: number;
  /** Whether the fixed-timer peer runs this round. */
  withFixedTimer: boolean;
  /** Whether the watch-loop process runs this round. */
  withWatchLoop: boolean;
  durationsS: number[];
  log: (line: string) => void;
}

export interface RoundResult {
  round: number;
  startMs: number;
  endMs: number;
  /** Our restores started in the first burst and how long that took (start throughput). */
  startBurst: { restores: number; seconds: number };
  records: RestoreRecord[];
  /** Per-poll stage times from the histories, ms of wall time. */
  stages: Record<'ours' | 'fixedTimer', StageSamples>;
  /** CPU seconds of the watch-loop process in this round. */
  watchLoopCpuS?: number;
}

const FIXED_TIMER_INTERVAL_S = 10;

export async function runRound(ctx: RoundContext, round: number): Promise<RoundResult> {
  const { client, sim, bw } = ctx;
  bw.setRound(round);
  const callsFrom = sim.callMark();
  const startMs = Date.now();

  const startOurs = async (p: BenchPair): Promise<WorkflowHandle> =>
    (
      await startRestore(
        client,
        {
          projectId: p.projectId,
          clusterName: p.source,
          snapshotId: p.snapshotIds[round],
          targetClusterName: p.target,
          acknowledgeDataLoss: true,
          // Not a verification benchmark (it is on by default; harness/bench/verify.ts measures it): off, as the
          // simulated clusters here have no wire server.
          verify: false,
          polling: ctx.policy,
          deadline: ctx.deadlineS,
          requester: 'atlas-restore-bench',
          reason: `bench round ${round + 1}`,
        },
        { taskQueue: ctx.ourQueue },
      )
    ).handle;
  const startFixedTimer = (p: BenchPair): Promise<WorkflowHandle> =>
    client.workflow.start(fixedTimerRestoreWorkflow, {
      taskQueue: ctx.peerQueue,
      workflowId: `fixed-timer-${p.projectId}-${p.target}-r${round}`,
      args: [
        {
          backend: p.backend,
          projectId: p.projectId,
          clusterName: p.source,
          snapshotId: p.snapshotIds[round],
          targetClusterName: p.target,
          intervalMs: (FIXED_TIMER_INTERVAL_S * 1000) / ctx.scale,
        },
      ],
    });

  // The watch-loop process starts with ours: it creates its jobs as soon as it has read its plan.
  const watching = ctx.withWatchLoop
    ? runWatchLoop({
        baseUrl: sim.url,
        intervalMs: (ATLAS_CLI_WATCH.intervalS * 1000) / ctx.scale,
        targets: bw.watchLoop.map((p) => ({
          pair: p.index,
          backend: p.backend,
          projectId: p.projectId,
          clusterName: p.source,
          snapshotId: p.snapshotIds[round],
          targetClusterName: p.target,
        })),
      })
    : undefined;
  const ours = await startInFlightBounded(bw.ours, ctx.concurrency, ctx.startParallelism, startOurs);
  ctx.log(`round ${round + 1}: started ${ours.burst.restores} of our restores in ${ours.burst.seconds.toFixed(2)} s`);
  const peers = ctx.withFixedTimer
    ? await startInFlightBounded(bw.fixedTimer, ctx.concurrency, ctx.startParallelism, startFixedTimer)
    : undefined;
  await Promise.all([ours.allDone, peers?.allDone]);
  await waitUntilNoneRunning(ctx, round, startMs);
  const watched = await watching;
  const endMs = Date.now();

  const calls = callsByPair(sim.callsSince(callsFrom), bw.byCluster);
  const stages = { ours: emptyStages(), fixedTimer: emptyStages() };
  const records = [
    ...(await collect(ctx, 'ours', round, startMs, endMs, calls, stages.ours)),
    ...(ctx.withFixedTimer ? await collect(ctx, 'fixedTimer', round, startMs, endMs, calls, stages.fixedTimer) : []),
    ...(watched ? collectWatchLoop(ctx, round, startMs, endMs, calls, watched) : []),
  ];
  return { round, startMs, endMs, startBurst: ours.burst, records, stages, watchLoopCpuS: watched?.cpuS };
}

/**
 * Starts restores keeping at most `concurrency` in flight. With room for all of them (the storm), they are all
 * started at once; otherwise each lane waits for its restore's result before starting the next.
 */
async function startInFlightBounded(
  pairs: BenchPair[],
  concurrency: number,
  parallelism: number,
  start: (p: BenchPair) => Promise<WorkflowHandle>,
): Promise<{ burst: { restores: number; seconds: number }; allDone: Promise<unknown> }> {
  const first = pairs.slice(0, Math.min(concurrency, pairs.length));
  const t0 = performance.now();
  const handles = await mapLimit(first, parallelism, start);
  const burst = { restores: first.length, seconds: (performance.now() - t0) / 1000 };
  let next = first.length;
  const lane = async (h: WorkflowHandle): Promise<void> => {
    for (let handle = h; ;) {
      await handle.result().catch(() => undefined);
      if (next >= pairs.length) return;
      handle = await start(pairs[next++]);
    }
  };
  return { burst, allDone: next < pairs.length ? Promise.all(handles.map(lane)) : Promise.resolve() };
}

async function waitUntilNoneRunning(ctx: RoundContext, round: number, startMs: number): Promise<void> {
  const query = `(TaskQueue = '${ctx.ourQueue}' OR TaskQueue = '${ctx.peerQueue}') AND ExecutionStatus = 'Running'`;
  // The deadline bounds every restore; past it (plus a margin) something is wrong with the run, not a restore.
  const giveUpAt = startMs + (ctx.deadlineS + 120) * 1000;
  let lastLog = 0;
  for (;;) {
    const running = Number((await ctx.client.workflow.count(query)).count);
    if (running === 0) return;
    if (Date.now() > giveUpAt)
      throw new Error(`round ${round + 1}: ${running} restores still running after the deadline`);
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      ctx.log(`round ${round + 1}: ${running} restores running, ${((Date.now() - startMs) / 1000).toFixed(0)} s in`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function listRuns(client: Client, query: string): Promise<WorkflowExecutionInfo[]> {
  const out: WorkflowExecutionInfo[] = [];
  for await (const wf of client.workflow.list({ query, pageSize: 1000 })) out.push(wf);
  return out;
}

async function collect(
  ctx: RoundContext,
  who: Orchestrator,
  round: number,
  startMs: number,
  endMs: number,
  calls: Map<BenchPair, PairCalls>,
  stages: StageSamples,
): Promise<RestoreRecord[]> {
  const queue = who === 'ours' ? ctx.ourQueue : ctx.peerQueue;
  const runs = await listRuns(
    ctx.client,
    `TaskQueue = '${queue}' AND StartTime >= '${new Date(startMs - 1000).toISOString()}'`,
  );
  const byId = new Map<string, WorkflowExecutionInfo[]>();
  for (const r of runs) byId.set(r.workflowId, [...(byId.get(r.workflowId) ?? []), r]);
  const pairs = who === 'ours' ? ctx.bw.ours : ctx.bw.fixedTimer;
  return mapLimit(pairs, 16, async (p): Promise<RestoreRecord> => {
    const id =
      who === 'ours'
        ? restoreWorkflowId({ projectId: p.projectId, targetClusterName: p.target })
        : `fixed-timer-${p.projectId}-${p.target}-r${round}`;
    const chain = byId.get(id) ?? [];
    const final = chain.find((r) => r.status.name !== 'CONTINUED_AS_NEW');
    const histories = await Promise.all(
      chain.map((r) => ctx.client.workflow.getHandle(r.workflowId, r.runId).fetchHistory()),
    );
    const events = histories.map((h) => h.events ?? []);
    for (const e of events) addStages(stages, e);
    const jobs = ctx.sim.world
      .jobsIntoTarget(p.projectId, p.target)
      .filter((j) => j.createdAtMs >= startMs && j.createdAtMs <= endMs);
    const job = jobs[0];
    const finishMs = job ? job.createdAtMs + job.durationMs : undefined;
    const jobStatus = job ? ctx.sim.world.jobStatus(job, endMs) : undefined;
    const outcome =
      who === 'ours'
        ? (final?.typedSearchAttributes.get(SA.outcome) ?? final?.status.name ?? 'NOT_FINISHED')
        : final?.status.name === 'COMPLETED'
          ? (jobStatus ?? 'NO_JOB')
          : (final?.status.name ?? 'NOT_FINISHED');
    const c = calls.get(p) ?? { total: 0, byOperation: {}, http429: 0, beforeCreate: 0, jobReadsAtMs: [] };
    const unscaledS = (ms: number) => (ms * ctx.scale) / 1000;
    const seenAtMs = finishMs === undefined ? undefined : c.jobReadsAtMs.find((t) => t >= finishMs);
    return {
      who,
      round,
      pair: p.index,
      durationS: ctx.durationsS[p.index],
      outcome,
      jobs: jobs.length,
      calls: c.total,
      callsByOperation: c.byOperation,
      http429: c.http429,
      // The reads before the create include our own duplicate check (one list), which is not preflight.
      floorCalls: (who === 'ours' ? c.beforeCreate - 1 : 0) + 2,
      lagS:
        final?.closeTime && finishMs !== undefined && outcome === 'COMPLETED'
          ? unscaledS(final.closeTime.getTime() - finishMs)
          : undefined,
      readLagS: seenAtMs !== undefined && finishMs !== undefined ? unscaledS(seenAtMs - finishMs) : undefined,
      historyEvents: events.reduce((a, e) => a + e.length, 0),
      historyEventsMaxRun: Math.max(0, ...events.map((e) => e.length)),
      runs: chain.length,
      workflowTasks: events.reduce((a, e) => a + e.filter((x) => x.workflowTaskCompletedEventAttributes).length, 0),
      workflowTaskFailures: events.reduce((a, e) => a + e.filter((x) => x.workflowTaskFailedEventAttributes).length, 0),
    };
  });
}

/** The watch loop's restores: its calls from the simulator's log, its lag from the read that saw the job done. */
function collectWatchLoop(
  ctx: RoundContext,
  round: number,
  startMs: number,
  endMs: number,
  calls: Map<BenchPair, PairCalls>,
  watched: WatchLoopRun,
): RestoreRecord[] {
  const unscaledS = (ms: number) => (ms * ctx.scale) / 1000;
  return ctx.bw.watchLoop.map((p): RestoreRecord => {
    const jobs = ctx.sim.world
      .jobsIntoTarget(p.projectId, p.target)
      .filter((j) => j.createdAtMs >= startMs && j.createdAtMs <= endMs);
    const job = jobs[0];
    const finishMs = job ? job.createdAtMs + job.durationMs : undefined;
    const seen = watched.results.get(p.index);
    const c = calls.get(p) ?? { total: 0, byOperation: {}, http429: 0, beforeCreate: 0, jobReadsAtMs: [] };
    const readAtMs = finishMs === undefined ? undefined : c.jobReadsAtMs.find((t) => t >= finishMs);
    return {
      who: 'watchLoop',
      round,
      pair: p.index,
      durationS: ctx.durationsS[p.index],
      outcome: seen?.status ?? 'NOT_FINISHED',
      jobs: jobs.length,
      calls: c.total,
      callsByOperation: c.byOperation,
      http429: c.http429,
      floorCalls: 2,
      lagS:
        seen?.seenAtMs !== undefined && finishMs !== undefined && seen.status === 'COMPLETED'
          ? unscaledS(seen.seenAtMs - finishMs)
          : undefined,
      readLagS: readAtMs !== undefined && finishMs !== undefined ? unscaledS(readAtMs - finishMs) : undefined,
      historyEvents: 0,
      historyEventsMaxRun: 0,
      runs: 0,
      workflowTasks: 0,
      workflowTaskFailures: 0,
    };
  });
}
