// How long a restore into a target is expected to take, from the durations of earlier restores into it: the maths
// shared by the activity that reads the durations (activities/history.ts) and the polling schedule
// (workflows/polling.ts). Pure and workflow-safe.

/**
 * Restore-to-restore variation assumed before any history says otherwise (log-sd 0.10, about ±10 %), worth
 * PRIOR_WEIGHT observations: with one or two repeats the sample spread means little. It only matters until some
 * target has been restored twice; after that the pooled spread (below) outweighs it.
 */
export const PRIOR_SIGMA = 0.1;
const PRIOR_WEIGHT = 2;

/**
 * Within-target variation pooled over many targets: Σ over targets of Σ (log d − mean log d of that target)², and its
 * degrees of freedom Σ (n − 1). activities/history.ts computes it from our own recent restores.
 */
export interface PooledSpread {
  sumSquares: number;
  df: number;
}

/** Σ (log x − mean)² of the positive samples, their count, and the mean of their logs. */
export function logMoments(samplesS: number[]): { n: number; mean: number; sumSquares: number } {
  const logs = samplesS.filter((x) => Number.isFinite(x) && x > 0).map((x) => Math.log(x));
  const n = logs.length;
  const mean = n ? logs.reduce((a, b) => a + b, 0) / n : 0;
  return { n, mean, sumSquares: logs.reduce((a, b) => a + (b - mean) ** 2, 0) };
}

/**
 * The prediction from earlier durations of the same target (seconds): the median is the geometric mean; the log-sd
 * pools the prior with the pooled spread of all targets (or, without one, this target's own), and the prediction's
 * spread adds the uncertainty of the median itself (σ·√(1 + 1/n)), which is what makes one earlier restore a weak
 * guide and five a good one.
 */
export function expectationFrom(samplesS: number[], pooled?: PooledSpread): { expectedS?: number; spread?: number } {
  const own = logMoments(samplesS);
  if (own.n === 0) return {};
  const across = pooled && pooled.df > 0 ? pooled : { sumSquares: own.sumSquares, df: own.n - 1 };
  const sigma = Math.sqrt((PRIOR_WEIGHT * PRIOR_SIGMA ** 2 + across.sumSquares) / (PRIOR_WEIGHT + across.df));
  return { expectedS: Math.exp(own.mean), spread: sigma * Math.sqrt(1 + 1 / own.n) };
}
