// The benchmark's knobs, their defaults, and the one time scale that compresses everything time-shaped.
//
// Time scale: durations are scaled down and the wall clock is kept. A restore of d un-scaled seconds lasts d/scale
// seconds on the simulator (which runs on the wall clock, like Temporal); our polling policy (initialS, maxS,
// nearS), the deadline, the peers' intervals and the rate limits (refill period, budget) are scaled the same way.
// Every figure is reported back in un-scaled seconds (wall × scale). The alternative, a fast simulator clock, would
// leave Temporal's timers and our policy on wall time, so the two clocks would disagree.
import { DURATION_MODEL } from './durations';
import type { PollingPolicy } from '../product/common';
import { DEFAULT_DEADLINE_S } from '../product/common';
import type { RateLimitOptions } from '../product/dev-tools';
import { DEFAULT_POLLING } from '../product/common';

export interface BenchOptions {
  /** Target clusters, i.e. restores per round (each round restores every target once). */
  restores: number;
  rounds: number;
  /** Restores in flight at most, per orchestrator (default: all of a round at once). */
  concurrency: number;
  era: 'legacy' | 'current';
  scale: number;
  seed: number;
  /** Log-sd of a restore's duration around its cluster's typical duration. */
  noise: number;
  /** Turn the simulator's per-project token bucket on, and set our worker's rate budget to it. */
  rateLimit: boolean;
  /** Every restore of ours in one project (one rate-limit bucket), the peer's mirrors in one project of their own. */
  oneProject: boolean;
  /** Run the fixed-timer peer for real, next to ours (it doubles the load). */
  fixedTimer: boolean;
  /** Run the watch loop (`atlas backups restores watch`) for real, as its own process, next to ours. */
  watchLoop: boolean;
  /**
   * Cap on the clusters' typical restore durations, un-scaled seconds (default: the duration model's 3000): the same
   * lognormal, truncated lower, so that a scale-1 run ends in bounded time. Declared in the JSON's config.
   */
  maxTypicalS?: number;
  /** Timed samples of each CLI start. */
  cliSamples: number;
  startParallelism: number;
  /** Run the worker with NODE_OPTIONS=--max-old-space-size=<MB>: the deployment's setting (Dockerfile) by default. */
  workerHeapMb?: number;
  json: boolean;
  /** Run only the verify step's case (harness/bench/verify.ts) instead of the storm. */
  verify?: { collections: number; documentsPerCollection: number; restores: number };
  /** Print the offline model of our schedule instead of running the storm. */
  model: boolean;
  /** Where the plot and the JSON go. */
  outDir: string;
}

export const DEFAULTS: Omit<BenchOptions, 'outDir'> = {
  restores: 200,
  rounds: 3,
  concurrency: Infinity,
  era: 'current',
  scale: 3,
  seed: 1,
  noise: DURATION_MODEL.defaultNoise,
  rateLimit: false,
  oneProject: false,
  fixedTimer: true,
  watchLoop: true,
  cliSamples: 5,
  startParallelism: 50,
  workerHeapMb: 768, // as the Dockerfile sets it
  json: false,
  model: false,
};

/**
 * The simulator's per-project bucket in the rate-limited configuration, un-scaled. Atlas documents the token-bucket
 * shape but no numbers for these endpoints; 100 requests of burst and 10 per second per project is our assumption.
 * The budget is set to the bucket's refill rate: activity tasks per second across all workers of the task queue.
 */
const ATLAS_BUCKET: RateLimitOptions = { capacity: 100, refillRate: 10, refillSeconds: 1 };

export function scaledRateLimit(scale: number): { bucket: RateLimitOptions; budgetPerS: number } {
  return {
    bucket: { ...ATLAS_BUCKET, refillSeconds: ATLAS_BUCKET.refillSeconds / scale },
    budgetPerS: (ATLAS_BUCKET.refillRate / ATLAS_BUCKET.refillSeconds) * scale,
  };
}

/** The product's default polling policy, compressed by the time scale. */
export function scaledPolicy(scale: number): PollingPolicy {
  const p = DEFAULT_POLLING;
  return { ...p, initialS: p.initialS / scale, maxS: p.maxS / scale, nearS: p.nearS / scale };
}

/**
 * Temporal timers shorter than about a second fire after about a second (measured on the dev server: a 100 ms
 * timer fires after 0.92–0.99 s, a 1.5 s timer after 1.502 s). Past scale 3, the policy's 3 s close interval would
 * shrink below that floor and every figure would be distorted, so 3 is the default; heavier scales are for smoke
 * tests of the harness only.
 */
const TIMER_FLOOR_S = 1;

export function timerFloorWarning(scale: number): string | undefined {
  const shortestS = Math.min(DEFAULT_POLLING.nearS, DEFAULT_POLLING.initialS) / scale;
  return shortestS < TIMER_FLOOR_S
    ? `time scale ${scale} makes the shortest poll interval ${shortestS.toFixed(2)} s of wall time, below Temporal's ~1 s timer floor: lags and calls are distorted (use --scale 3 or less for figures)`
    : undefined;
}

export const scaledDeadlineS = (scale: number): number => DEFAULT_DEADLINE_S / scale;

export function validate(o: BenchOptions): string[] {
  const problems: string[] = [];
  const int = (name: keyof BenchOptions, v: number, min: number, maxV: number) => {
    if (!Number.isInteger(v) || v < min || v > maxV)
      problems.push(`--${name} must be an integer from ${min} to ${maxV}`);
  };
  int('restores', o.restores, 1, 5000);
  int('rounds', o.rounds, 1, 20);
  int('seed', o.seed, 0, 2 ** 31 - 1);
  int('cliSamples', o.cliSamples, 1, 50);
  int('startParallelism', o.startParallelism, 1, 500);
  if (!(o.concurrency === Infinity || (Number.isInteger(o.concurrency) && o.concurrency >= 1)))
    problems.push('--concurrency must be a positive integer');
  // The polling policy's smallest allowed interval is 0.01 s: nearS (3 s) / scale must stay above it.
  if (!(o.scale >= 1 && o.scale <= 300)) problems.push('--scale must be from 1 to 300');
  if (!(o.noise >= 0 && o.noise <= 1)) problems.push('--noise must be from 0 to 1');
  if (o.workerHeapMb !== undefined && !(Number.isInteger(o.workerHeapMb) && o.workerHeapMb >= 128))
    problems.push('--workerHeapMb must be an integer of at least 128');
  if (!['legacy', 'current'].includes(o.era)) problems.push('--era must be legacy or current');
  if (
    o.maxTypicalS !== undefined &&
    !(o.maxTypicalS >= DURATION_MODEL.clusterMinS && o.maxTypicalS <= DURATION_MODEL.clusterMaxS)
  )
    problems.push(`--maxTypicalS must be from ${DURATION_MODEL.clusterMinS} to ${DURATION_MODEL.clusterMaxS}`);
  return problems;
}
