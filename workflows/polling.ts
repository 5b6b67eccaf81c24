// The polling schedule: the one place that decides how long to wait before asking Atlas about a restore job again.
// Pure and deterministic (workflow code and unit tests call it alike).
//
// Two regimes:
// - Nothing known about this target: start fast (a restore that fails at once is noticed at once), then back off
//   geometrically, but only to 2·initialS (10 s by default). Without history a restore is about as likely to end in
//   any 10 s as in the next, so a longer interval only buys a longer detection lag; learning is what saves calls.
// - Earlier restores into the same target (read back from our own history) predict this one's duration: a
//   lognormal with median `expectedS` and log-sd `spread`. The median is this target's own; the spread (how much one
//   restore of the same data differs from the next) is a property of Atlas rather than of the cluster, so it is
//   pooled over every target with two or more earlier restores, which pins it down after one repeat. One early look for a job that fails fast, then sleep to
//   the low end of the prediction and poll every `nearS` until it is done. Every restore pays for the polls between
//   the window's start and its own end, so the start is placed as late as the lag budget allows (~0.7 % of restores
//   end before it); a restore that outlives the prediction costs only itself, so polling there stays close for a
//   while and then backs off gently.
import type { PollingPolicy } from '../common/input';

export const DEFAULT_POLLING: PollingPolicy = { initialS: 5, maxS: 60, factor: 1.5, nearS: 3, learn: true };

/** The close-polling window starts this many log-sds below the predicted median (≈ 0.6 % of restores end earlier). */
export const WINDOW_START_Z = 2.5;
/** ...and keeps the close interval up to this many log-sds above it, before backing off. */
export const WINDOW_END_Z = 3;
/**
 * Restore-to-restore variation assumed before any history says otherwise (log-sd 0.10, about ±10 %), worth
 * PRIOR_WEIGHT observations: with one or two repeats the sample spread means little. It only matters until some
 * target has been restored twice; after that the pooled spread (below) outweighs it.
 */
export const PRIOR_SIGMA = 0.1;
export const PRIOR_WEIGHT = 2;

/**
 * Within-target variation pooled over many targets: Σ over targets of Σ (log d − mean log d of that target)², and its
 * degrees of freedom Σ (n − 1). activities/history.ts computes it from our own recent restores.
 */
export interface PooledSpread {
  sumSquares: number;
  df: number;
}

export interface PollState {
  /** Polls made so far (0 before the first). */
  polls: number;
  /** Seconds since the job was submitted. */
  sinceSubmitS: number;
  /** Predicted Atlas-side duration (median) from earlier restores of this target, seconds. */
  expectedS?: number;
  /** Log-sd of that prediction (e.g. 0.2 ≈ ±20 % at one sigma); it sets the width of the close-polling window. */
  spread?: number;
}

/** Seconds to wait before the next poll. */
export function nextPollDelayS(p: PollingPolicy, s: PollState): number {
  if (!p.learn || s.expectedS === undefined || !(s.expectedS > 0)) {
    const cap = Math.min(p.maxS, 2 * p.initialS);
    return Math.min(cap, p.initialS * Math.pow(p.factor, s.polls));
  }
  const sigma = Math.min(0.5, Math.max(0.02, s.spread ?? PRIOR_SIGMA));
  const windowStart = s.expectedS * Math.exp(-WINDOW_START_Z * sigma);
  const windowEnd = s.expectedS * Math.exp(WINDOW_END_Z * sigma);
  const t = s.sinceSubmitS;
  if (t < windowStart) {
    // One early look for a job that fails fast, then straight to the window.
    if (s.polls === 0) return Math.min(p.initialS, windowStart);
    return Math.max(p.nearS, windowStart - t);
  }
  if (t < windowEnd) return p.nearS;
  // Longer than predicted: back off gently from nearS (a tenth of the overrun), up to maxS.
  return Math.min(p.maxS, Math.max(p.nearS, (t - windowEnd) * 0.1));
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
