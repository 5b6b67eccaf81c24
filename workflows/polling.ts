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
import { PRIOR_SIGMA } from '../common/expectation';

// The defaults live with the resolved request (common/request.ts) and the prediction's maths in common/expectation.ts;
// re-exported here for the benchmark's offline model, which replays this schedule.
export { DEFAULT_POLLING } from '../common/request';
export { expectationFrom, PRIOR_SIGMA, type PooledSpread } from '../common/expectation';

/** The close-polling window starts this many log-sds below the predicted median (≈ 0.6 % of restores end earlier). */
export const WINDOW_START_Z = 2.5;
/** ...and keeps the close interval up to this many log-sds above it, before backing off. */
export const WINDOW_END_Z = 3;

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
