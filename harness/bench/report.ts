// The report: the JSON the issue asks for (top-level call and lag figures are the later rounds', `firstRound` holds
// the same for the first round), plus the configuration and machine it was measured with, and diagnostics.
import { cpus, totalmem } from 'node:os';
import type { RateLimitOptions } from '../product/dev-tools';
import type { CliTimings } from './cli-timing';
import { cliMedians } from './cli-timing';
import { DURATION_MODEL } from './durations';
import type { GroupFigures } from './metrics';
import { groupFigures } from './metrics';
import type { BenchOptions } from './options';
import { scaledPolicy, timerFloorWarning } from './options';
import type { ProcSample } from './proc-stats';
import type { MonitorSummary } from './monitor';
import { mergeStages, summarizeStages } from './stages';
import { PAIRS_PER_PROJECT } from './world';
import { max, round3, sum } from './stats';
import type { RestoreRecord } from './records';
import { expectationFrom } from '../product/common';
import type { RoundResult } from './storm';

export interface BenchReport {
  restores: number;
  completed: number;
  failed: number;
  duplicateJobs: number;
  callsPerRestore: number | null;
  floorCallsPerRestore: number | null;
  lagP50S: number | null;
  lagP99S: number | null;
  lagMaxS: number | null;
  historyEventsMax: number;
  workflowTasksP50: number;
  workerCpuSPerRestore: number;
  workerPeakRssMb: number;
  startsPerS: number;
  cliStartMedianS: number;
  temporalCliStartMedianS: number;
  wallS: number;
  peers: GroupFigures['peers'] | null;
  firstRound: GroupFigures;
  laterRounds: GroupFigures | null;
  perRound: GroupFigures[];
  extra: Record<string, unknown>;
  config: Record<string, unknown>;
  machine: Record<string, unknown>;
}

export interface ReportInput {
  o: BenchOptions;
  machine: MonitorSummary;
  /** CPU seconds during the rounds of the Temporal dev server and of this process (simulator, fixed-timer peer). */
  otherCpuS: { devServer: number; benchProcess: number; fixedTimerWorker: number };
  /** Error lines the Temporal dev server logged (persistence timeouts under overload). */
  devServerErrors: number;
  rounds: RoundResult[];
  worker: { before: ProcSample; after: ProcSample };
  cli: CliTimings;
  http429Total: number;
  rateLimit?: { bucket: RateLimitOptions; budgetPerS: number };
  wallS: number;
}

export function buildReport(i: ReportInput): BenchReport {
  const { o, rounds } = i;
  const all = rounds.flatMap((r) => r.records);
  const ours = all.filter((r) => r.who === 'ours');
  const first = groupFigures(rounds[0].records);
  const later = rounds.length > 1 ? groupFigures(rounds.slice(1).flatMap((r) => r.records)) : null;
  const whole = groupFigures(all);
  const burst = {
    restores: sum(rounds.map((r) => r.startBurst.restores)),
    seconds: sum(rounds.map((r) => r.startBurst.seconds)),
  };
  const cli = cliMedians(i.cli);
  const inFlight = Math.min(o.concurrency, o.restores);
  const rssGrowthMb = i.worker.after.peakRssMb - i.worker.before.rssMb;
  const unscaledPolicy = scaledPolicy(1);
  return {
    restores: whole.restores,
    completed: whole.completed,
    failed: whole.failed,
    duplicateJobs: whole.duplicateJobs,
    callsPerRestore: later?.callsPerRestore ?? null,
    floorCallsPerRestore: later?.floorCallsPerRestore ?? null,
    lagP50S: later?.lagP50S ?? null,
    lagP99S: later?.lagP99S ?? null,
    lagMaxS: later?.lagMaxS ?? null,
    historyEventsMax: whole.historyEventsMax,
    workflowTasksP50: whole.workflowTasksP50,
    workerCpuSPerRestore: round3((i.worker.after.cpuS - i.worker.before.cpuS) / ours.length),
    workerPeakRssMb: round3(i.worker.after.peakRssMb),
    startsPerS: round3(burst.restores / burst.seconds),
    cliStartMedianS: round3(cli.cliStartMedianS),
    temporalCliStartMedianS: round3(cli.temporalCliStartMedianS),
    wallS: round3(i.wallS),
    peers: later?.peers ?? null,
    firstRound: first,
    laterRounds: later,
    perRound: rounds.map((r) => groupFigures(r.records)),
    extra: {
      worstLaterLagsOurs: worstLags(ours),
      http429: i.http429Total,
      /** 429s answered to our restores' calls and to the fixed-timer peer's (the rest went to the CLI probes). */
      http429Ours: sum(ours.map((r) => r.http429)),
      http429FixedTimer: sum(all.filter((r) => r.who === 'fixedTimer').map((r) => r.http429)),
      http429WatchLoop: sum(all.filter((r) => r.who === 'watchLoop').map((r) => r.http429)),
      /** CPU seconds of the watch-loop process over the rounds. */
      watchLoopCpuS: round3(sum(rounds.map((r) => r.watchLoopCpuS ?? 0))),
      callsPerRestoreAllRounds: whole.callsPerRestore,
      maxRestoresInFlight: inFlight,
      workerRssBeforeMb: round3(i.worker.before.rssMb),
      workerRssMbPerRestoreInFlight: round3(rssGrowthMb / inFlight),
      workerCpuS: round3(i.worker.after.cpuS - i.worker.before.cpuS),
      historyEventsPerRestoreMax: max(ours.map((r) => r.historyEvents)),
      runsPerRestoreMax: max(ours.map((r) => r.runs)),
      workflowTasksMax: whole.workflowTasksMax,
      workflowTaskFailures: sum(ours.map((r) => r.workflowTaskFailures)),
      roundsWallS: round3(sum(rounds.map((r) => r.endMs - r.startMs)) / 1000),
      cliVersionMedianS: round3(cli.cliVersionMedianS),
      nodeBareMedianS: round3(cli.nodeBareMedianS),
      devServerErrors: i.devServerErrors,
      devServerCpuS: round3(i.otherCpuS.devServer),
      benchProcessCpuS: round3(i.otherCpuS.benchProcess),
      fixedTimerWorkerCpuS: round3(i.otherCpuS.fixedTimerWorker),
      workerPeakRssBeforeRoundsMb: round3(i.worker.before.peakRssMb),
      workerRssMaxMbByRound: i.machine.workerRssMaxMbByRound,
      temporalStageMs: {
        ours: summarizeStages(mergeStages(rounds.map((r) => r.stages.ours))),
        fixedTimer: summarizeStages(mergeStages(rounds.map((r) => r.stages.fixedTimer))),
      },
      cliSamples: i.cli,
    },
    config: {
      restoresPerRound: o.restores,
      rounds: o.rounds,
      concurrency: inFlight,
      era: o.era,
      scale: o.scale,
      seed: o.seed,
      noise: o.noise,
      durationModel: { ...DURATION_MODEL, noise: o.noise, clusterMaxS: o.maxTypicalS ?? DURATION_MODEL.clusterMaxS },
      oneProject: o.oneProject,
      pairsPerProject: o.oneProject ? o.restores : PAIRS_PER_PROJECT,
      pollingPolicy: unscaledPolicy,
      fixedTimer: o.fixedTimer,
      watchLoop: o.watchLoop,
      /** Clusters' typical durations truncated to this (un-scaled s); null: the duration model's own bound. */
      maxTypicalS: o.maxTypicalS ?? null,
      workerHeapMb: o.workerHeapMb ?? null,
      timerFloorWarning: timerFloorWarning(o.scale) ?? null,
      rateLimit: i.rateLimit
        ? {
            bucketUnscaled: { ...i.rateLimit.bucket, refillSeconds: i.rateLimit.bucket.refillSeconds * o.scale },
            budgetPerSUnscaled: i.rateLimit.budgetPerS / o.scale,
          }
        : null,
    },
    machine: {
      loadAvg1Mean: i.machine.loadAvg1Mean,
      loadAvg1Max: i.machine.loadAvg1Max,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memTotalGb: round3(totalmem() / 2 ** 30),
      node: process.version,
      platform: process.platform,
    },
  };
}

/**
 * Our ten latest detections in the later rounds, each with the same target's earlier planned durations and where its
 * end fell against their geometric mean (the median the schedule predicts): < ~0.5 means it ended before the
 * close-polling window could start, so the lag is the schedule's; inside the window it is overhead.
 */
function worstLags(ours: RestoreRecord[]): object[] {
  const durationOf = new Map(ours.map((r) => [`${r.round}/${r.pair}`, r.durationS]));
  return ours
    .filter((r) => r.round > 0 && r.lagS !== undefined) // rounds count from 0 in the records
    .sort((a, b) => b.lagS! - a.lagS!)
    .slice(0, 10)
    .map((r) => {
      const earlierS = Array.from({ length: r.round }, (_, k) => durationOf.get(`${k}/${r.pair}`) ?? NaN);
      const median = expectationFrom(earlierS).expectedS ?? NaN;
      return {
        round: r.round + 1,
        pair: r.pair,
        durationS: round3(r.durationS),
        earlierS: earlierS.map(round3),
        endOverMedian: round3(r.durationS / median),
        lagS: round3(r.lagS!),
        readLagS: r.readLagS === undefined ? null : round3(r.readLagS),
      };
    });
}

const f = (x: number | null | undefined, d = 1): string =>
  x === null || x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(d);

/** The human table: ours next to each peer, first round and later rounds side by side. */
export function formatTable(r: BenchReport): string {
  const c = r.config as {
    restoresPerRound: number;
    rounds: number;
    era: string;
    scale: number;
    seed: number;
    noise: number;
  };
  const lines: string[] = [];
  lines.push(
    `atlas-restore bench: ${c.restoresPerRound} restores × ${c.rounds} rounds, era ${c.era}, time scale ${c.scale}, seed ${c.seed}, noise ${c.noise}`,
  );
  lines.push('');
  const head = `${''.padEnd(26)}${'first round'.padEnd(36)}later rounds`;
  lines.push(head);
  lines.push(
    `${''.padEnd(26)}${['calls', 'lag p50', 'p99', 'max'].map((h) => h.padStart(8)).join('')}    ${['calls', 'lag p50', 'p99', 'max'].map((h) => h.padStart(8)).join('')}`,
  );
  const row = (
    name: string,
    a?: { callsPerRestore: number; lagP50S: number; lagP99S: number; lagMaxS: number } | null,
    b?: typeof a,
  ) =>
    `${name.padEnd(26)}${[a?.callsPerRestore, a?.lagP50S, a?.lagP99S, a?.lagMaxS].map((x) => f(x).padStart(8)).join('')}    ${[b?.callsPerRestore, b?.lagP50S, b?.lagP99S, b?.lagMaxS].map((x) => f(x).padStart(8)).join('')}`;
  const fr = r.firstRound;
  const lr = r.laterRounds;
  lines.push(row('atlas-restore (ours)', fr, lr));
  lines.push(row('atlas CLI watch (replayed)', fr.peers.atlasCliWatch, lr?.peers.atlasCliWatch));
  lines.push(row('atlas CLI watch (process)', fr.peers.watchLoopProcess, lr?.peers.watchLoopProcess));
  lines.push(row('CloudFormation (30 s)', fr.peers.cloudFormation, lr?.peers.cloudFormation));
  lines.push(row('fixed 10 s timer workflow', fr.peers.fixedTimerWorkflow, lr?.peers.fixedTimerWorkflow));
  lines.push(
    `${'floor (preflight+2)'.padEnd(26)}${f(fr.floorCallsPerRestore).padStart(8)}${''.padEnd(28)}${f(lr?.floorCallsPerRestore).padStart(8)}`,
  );
  lines.push('');
  lines.push('ours ÷ peer (calls, lag p99)');
  for (const [name, key] of [
    ['atlas CLI watch', 'atlasCliWatch'],
    ['watch loop process', 'watchLoopProcess'],
    ['CloudFormation', 'cloudFormation'],
    ['fixed-timer workflow', 'fixedTimerWorkflow'],
  ] as const)
    lines.push(
      `  ${name.padEnd(24)}first ${f(fr.peers[key].callsRatio, 2)} / ${f(fr.peers[key].lagP99Ratio, 2)}    later ${f(lr?.peers[key].callsRatio, 2)} / ${f(lr?.peers[key].lagP99Ratio, 2)}`,
    );
  lines.push('');
  const x = r.extra as {
    http429: number;
    http429Ours: number;
    callsPerRestoreAllRounds: number;
    workerRssMbPerRestoreInFlight: number;
    maxRestoresInFlight: number;
    runsPerRestoreMax: number;
    roundsWallS: number;
  };
  lines.push(
    `restores ${r.restores}: completed ${r.completed}, failed ${r.failed}, duplicate jobs ${r.duplicateJobs}, HTTP 429 ${x.http429} (ours ${x.http429Ours}), calls per restore (all rounds) ${f(x.callsPerRestoreAllRounds)}`,
  );
  lines.push(
    `Temporal: history events max ${r.historyEventsMax} per run (runs per restore ≤ ${x.runsPerRestoreMax}), workflow tasks p50 ${r.workflowTasksP50}`,
  );
  lines.push(
    `worker: ${f(r.workerCpuSPerRestore, 3)} CPU s/restore, peak RSS ${f(r.workerPeakRssMb, 0)} MB (${f(x.workerRssMbPerRestoreInFlight, 2)} MB per restore in flight, ${x.maxRestoresInFlight} in flight)`,
  );
  lines.push(
    `starts: ${f(r.startsPerS, 1)} restores/s; CLI start median: atlas-restore ${f(r.cliStartMedianS, 3)} s, temporal ${f(r.temporalCliStartMedianS, 3)} s`,
  );
  lines.push(`wall: ${f(r.wallS, 0)} s (rounds ${f(x.roundsWallS, 0)} s); lags and intervals in un-scaled seconds`);
  return lines.join('\n');
}
