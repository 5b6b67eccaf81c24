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
 * The learned prediction: median, log-sd, how many degrees of freedom measured that log-sd (0: the prior alone) and,
 * when some did, an upper confidence bound of it (the schedule's window follows the bound: workflows/polling.ts).
 */
export interface Expectation {
  expectedS?: number;
  spread?: number;
  spreadDf?: number;
  spreadHi?: number;
}

/**
 * The prediction from earlier durations of the same target (seconds): the median is the geometric mean; the log-sd
 * pools the prior with the pooled spread of all targets (or, without one, this target's own), and the prediction's
 * spread adds the uncertainty of the median itself (σ·√(1 + 1/n)), which is what makes one earlier restore a weak
 * guide and five a good one. The upper bound gets the same √(1 + 1/n).
 */
export function expectationFrom(samplesS: number[], pooled?: PooledSpread): Expectation {
  const own = logMoments(samplesS);
  if (own.n === 0) return {};
  const across = pooled && pooled.df > 0 ? pooled : { sumSquares: own.sumSquares, df: own.n - 1 };
  const sigma = Math.sqrt((PRIOR_WEIGHT * PRIOR_SIGMA ** 2 + across.sumSquares) / (PRIOR_WEIGHT + across.df));
  const ofMedian = Math.sqrt(1 + 1 / own.n);
  const hi = sigmaUpperBound(across);
  return {
    expectedS: Math.exp(own.mean),
    spread: sigma * ofMedian,
    spreadDf: across.df,
    ...(hi === undefined ? {} : { spreadHi: Math.min(SPREAD_HI_MAX, hi * ofMedian) }),
  };
}

/** One-sided 99 % normal quantile: the upper bound below holds the true log-sd about 99 times in 100. */
const UPPER_Z = 2.326;
/** Bounds beyond a log-sd of 1 (a factor e either way) are all "unknown" to the schedule, which clamps lower. */
const SPREAD_HI_MAX = 1;
/**
 * Fewer degrees of freedom give no bound: below 10 the 99 % bound is more than twice the estimate, a window wider
 * than the floor the schedule keeps on the prior alone (a target's own few repeats never give one).
 */
const MIN_BOUND_DF = 10;

/**
 * A one-sided 99 % upper confidence bound of the log-sd that `sumSquares` measured with `df` degrees of freedom, from
 * the data alone (the prior says nothing about the real noise): √(sumSquares / χ²₀.₀₁(df)), the chi-square quantile
 * by Wilson–Hilferty. Twice the estimate with 10 degrees of freedom, within ~8 % of it with hundreds; undefined
 * with fewer than MIN_BOUND_DF.
 */
export function sigmaUpperBound(m: PooledSpread): number | undefined {
  if (!(m.df >= MIN_BOUND_DF)) return undefined;
  const a = 2 / (9 * m.df);
  const quantile = m.df * (1 - a - UPPER_Z * Math.sqrt(a)) ** 3;
  return Math.min(SPREAD_HI_MAX, Math.sqrt(m.sumSquares / quantile));
}
