// The polling schedule: the one place that decides how long to wait before asking Atlas about a restore job again.
// Pure and deterministic (workflow code and unit tests call it alike).
//
// Two regimes, and in both `maxS` is a hard cap on every wait (the input schema's promise):
// - Nothing known about this target: start fast (a restore that fails at once is noticed at once), back off
//   geometrically to 2·initialS (10 s by default), and from then on wait 1.5 % of the time elapsed so far
//   (UNKNOWN_LAG_FRACTION): a restore is detected within about 1.5 % of its length, and a long one costs polls that
//   grow with the logarithm of its length instead of linearly (fewer than a fixed 10 s timer's on the benchmark).
// - Earlier restores into the same target (read back from our own history) predict this one's duration: a
//   lognormal with median `expectedS` and log-sd `spread` (common/expectation.ts: the target's own median, the
//   spread pooled over every target). One early look for a job that fails fast, then waits of at most maxS up to
//   the window's start, polls every `nearS` inside it, and a gentle backoff past its end. Every restore pays for
//   the polls between the window's start and its own end, so the start is as late as the lag budget allows.
import type { PollingPolicy } from '../common/input';
import { PRIOR_SIGMA } from '../common/expectation';

/** The close-polling window starts this many log-sds below the predicted median (≈ 0.6 % of restores end earlier)... */
const WINDOW_START_Z = 2.5;
/** ...and keeps the close interval up to this many log-sds above it, before backing off. */
const WINDOW_END_Z = 3;
/**
 * The window is never narrower than [0.5, 2.5] × the median: the spread may be the prior alone (before any target
 * has been restored twice) and a restore that ends before the window is seen up to maxS late, so it must not rest on it.
 */
const WINDOW_START_MAX_FRACTION = 0.5;
const WINDOW_END_MIN_FACTOR = 2.5;
/** Without history, past 2·initialS the interval is this fraction of the time elapsed since submit. */
const UNKNOWN_LAG_FRACTION = 0.015;

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

/** Seconds to wait before the next poll: never more than p.maxS, in every regime. */
export function nextPollDelayS(p: PollingPolicy, s: PollState): number {
  const t = s.sinceSubmitS;
  let delayS: number;
  if (!p.learn || s.expectedS === undefined || !(s.expectedS > 0)) {
    delayS = Math.max(Math.min(2 * p.initialS, p.initialS * Math.pow(p.factor, s.polls)), t * UNKNOWN_LAG_FRACTION);
  } else {
    const sigma = Math.min(0.5, Math.max(0.02, s.spread ?? PRIOR_SIGMA));
    const windowStart = s.expectedS * Math.min(WINDOW_START_MAX_FRACTION, Math.exp(-WINDOW_START_Z * sigma));
    const windowEnd = s.expectedS * Math.max(WINDOW_END_MIN_FACTOR, Math.exp(WINDOW_END_Z * sigma));
    if (t < windowStart)
      // One early look for a job that fails fast, then on to the window (maxS at a time, below).
      delayS = s.polls === 0 ? Math.min(p.initialS, windowStart) : Math.max(p.nearS, windowStart - t);
    else if (t < windowEnd) delayS = p.nearS;
    // Longer than predicted: back off gently from nearS (a tenth of the overrun), up to maxS.
    else delayS = Math.max(p.nearS, (t - windowEnd) * 0.1);
  }
  return Math.min(p.maxS, delayS);
}
