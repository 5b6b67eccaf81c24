// One benchmark run, end to end: plan the durations, build the simulated estate, start the stack, time the CLI
// starts, run the rounds, and turn what happened into the report. Everything is torn down whatever happens.
import { cliMedians, timeCliStarts } from './cli-timing';
import { planDurations } from './durations';
import type { BenchOptions } from './options';
import { scaledDeadlineS, scaledPolicy, scaledRateLimit } from './options';
import type { BenchReport } from './report';
import { buildReport } from './report';
import { startStack } from './stack';
import type { RoundResult } from './storm';
import { runRound } from './storm';
import { buildBenchWorld } from './world';
import { Monitor } from './monitor';
import { sampleProcess } from './proc-stats';

export async function runBench(o: BenchOptions, log: (line: string) => void = () => undefined): Promise<BenchReport> {
  const t0 = performance.now();
  const plan = planDurations(o.restores, o.rounds, o.seed, o.noise, o.maxTypicalS);
  // Two warm-up probes, then two per timed sample (one per tool).
  const bw = buildBenchWorld({
    pairsPerProject: o.oneProject ? o.restores : undefined,
    pairs: o.restores,
    probes: 2 + 2 * o.cliSamples,
    era: o.era,
    seed: o.seed,
    plan,
    scale: o.scale,
    watchLoop: o.watchLoop,
  });
  const rate = o.rateLimit ? scaledRateLimit(o.scale) : undefined;
  const stack = await startStack({
    bw,
    rateLimit: rate?.bucket,
    rateBudget: rate?.budgetPerS,
    maxConcurrentActivities: 500,
    workerHeapMb: o.workerHeapMb,
    log,
  });
  try {
    log(`timing CLI starts (${o.cliSamples} samples each)`);
    const cli = await timeCliStarts({
      client: stack.client,
      address: stack.address,
      namespace: stack.namespace,
      probeQueue: stack.probeQueue,
      probes: bw.probes,
    });
    const m = cliMedians(cli);
    log(
      `atlas-restore start: median ${m.cliStartMedianS.toFixed(3)} s; temporal workflow start: median ${m.temporalCliStartMedianS.toFixed(3)} s`,
    );

    const before = stack.worker.sample();
    const serverBefore = sampleProcess(stack.server.pid!);
    const peerBefore = stack.peer.sample();
    const benchBefore = process.cpuUsage();
    const monitor = new Monitor(() => stack.worker.sample());
    const rounds: RoundResult[] = [];
    for (let r = 0; r < o.rounds; r++) {
      monitor.setRound(r);
      rounds.push(
        await runRound(
          {
            client: stack.client,
            sim: stack.sim,
            bw,
            ourQueue: stack.ourQueue,
            peerQueue: stack.peerQueue,
            scale: o.scale,
            policy: scaledPolicy(o.scale),
            deadlineS: scaledDeadlineS(o.scale),
            concurrency: Math.min(o.concurrency, o.restores),
            startParallelism: o.startParallelism,
            withFixedTimer: o.fixedTimer,
            withWatchLoop: o.watchLoop,
            durationsS: plan.byRound[r],
            log,
          },
          r,
        ),
      );
      log(`round ${r + 1} done in ${((rounds[r].endMs - rounds[r].startMs) / 1000).toFixed(1)} s`);
    }
    const after = stack.worker.sample();
    const machine = monitor.stop();
    const bench = process.cpuUsage(benchBefore);
    return buildReport({
      otherCpuS: {
        devServer: sampleProcess(stack.server.pid!).cpuS - serverBefore.cpuS,
        benchProcess: (bench.user + bench.system) / 1e6,
        fixedTimerWorker: stack.peer.sample().cpuS - peerBefore.cpuS,
      },
      machine,
      devServerErrors: stack.server.errors(),
      o,
      rounds,
      worker: { before, after },
      cli,
      http429Total: stack.sim.limiter?.limited ?? 0,
      rateLimit: rate,
      wallS: (performance.now() - t0) / 1000,
    });
  } catch (e) {
    log(`worker output (last lines):\n${stack.worker.log().slice(-3000)}`);
    throw e;
  } finally {
    await stack.close();
  }
}
