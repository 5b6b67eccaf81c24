// The declared, seeded distribution of restore durations (un-scaled seconds), drawn once per run so that ours and
// every peer see exactly the same restores.
//
// Shape (what a nightly staging refresh looks like):
// - each target cluster has its own typical restore duration, set by its data size: lognormal, median 3 min,
//   log-sd 1.0 (p90 ≈ 11 min, p99 ≈ 31 min), truncated to [30 s, 50 min] so that one noisy restore still ends
//   within about an hour;
// - each restore of that cluster varies around it: multiplicative lognormal noise, log-sd 0.10 by default (±10 %
//   at one sigma: the same data size night after night, on shared M2/M5/Flex hosts whose throughput varies with
//   their neighbours and with Atlas's restore queue). This is a declared assumption, not a measurement; `--noise`
//   changes it and harness/bench/README.md shows what the figures do at other values.
import { Rng } from '../kit/rng';

export const DURATION_MODEL = {
  clusterMedianS: 180,
  clusterSigma: 1.0,
  clusterMinS: 30,
  clusterMaxS: 3000,
  /** No single restore runs longer than this (un-scaled). */
  restoreMaxS: 3600,
  restoreMinS: 20,
  defaultNoise: 0.1,
} as const;

export interface DurationPlan {
  /** Typical duration of each target cluster (its data size), un-scaled seconds. */
  typicalS: number[];
  /** byRound[round][pair]: the duration of that restore, un-scaled seconds. */
  byRound: number[][];
}

/** Draws until `accept` holds (truncation without piling probability mass on the bounds). */
function drawWithin(draw: () => number, lo: number, hi: number): number {
  for (;;) {
    const x = draw();
    if (x >= lo && x <= hi) return x;
  }
}

export function planDurations(
  pairs: number,
  rounds: number,
  seed: number,
  noise: number = DURATION_MODEL.defaultNoise,
  /** Truncate the clusters' typical durations lower than the model's clusterMaxS (a bounded scale-1 run). */
  maxTypicalS: number = DURATION_MODEL.clusterMaxS,
): DurationPlan {
  const m = DURATION_MODEL;
  const clusters = new Rng(seed);
  // A separate stream for the noise, so changing --noise or --rounds keeps the same clusters.
  const perRestore = new Rng(seed ^ 0x51f15e);
  const typicalS = Array.from({ length: pairs }, () =>
    drawWithin(() => clusters.lognormal(m.clusterMedianS, m.clusterSigma), m.clusterMinS, maxTypicalS),
  );
  const byRound = Array.from({ length: rounds }, () =>
    typicalS.map((t) => drawWithin(() => perRestore.lognormal(t, noise), m.restoreMinS, m.restoreMaxS)),
  );
  return { typicalS, byRound };
}
