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
//   The window follows an upper confidence bound of the spread (common/expectation.ts sigmaUpperBound), so a
//   well-measured spread narrows it; while the spread is the prior alone it keeps a floor, and at the floor's start
//   the workflow reads the history once more (relearnDue), by when other restores may have measured the spread.
import type { PollingPolicy } from '../common/input';
import { PRIOR_SIGMA } from '../common/expectation';

/** The close-polling window starts this many log-sds below the predicted median (≈ 0.6 % of restores end earlier)... */
const WINDOW_START_Z = 2.5;
/** ...and keeps the close interval up to this many log-sds above it, before backing off. */
const WINDOW_END_Z = 3;
/**
 * While the spread is the prior alone (before any target has been restored twice, or a learned state carried from
 * a build that did not say), the window is never narrower than [0.5, 2.5] × the median: a restore that ends before
 * the window is seen up to maxS late, so it must not rest on a guess.
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
  /** Degrees of freedom behind `spread` (0: the prior alone; absent in a state from an older build). */
  spreadDf?: number;
  /** Upper confidence bound of `spread`, when measured: the window follows it. Absent: the floor applies. */
  spreadHi?: number;
  /** Whether the history was already read again at the window (relearnDue: once per restore). */
  relearned?: boolean;
}

/** The close-polling window [start, end] in seconds since submit, when a prediction applies. */
function closeWindow(p: PollingPolicy, s: PollState): { startS: number; endS: number } | undefined {
  if (!p.learn || s.expectedS === undefined || !(s.expectedS > 0)) return undefined;
  const measured = s.spreadHi;
  const sigma = Math.min(0.5, Math.max(0.02, measured ?? s.spread ?? PRIOR_SIGMA));
  // Only a spread resting on the prior alone keeps the floor.
  const startMax = measured === undefined ? WINDOW_START_MAX_FRACTION : Infinity;
  const endMin = measured === undefined ? WINDOW_END_MIN_FACTOR : 0;
  return {
    startS: s.expectedS * Math.min(startMax, Math.exp(-WINDOW_START_Z * sigma)),
    endS: s.expectedS * Math.max(endMin, Math.exp(WINDOW_END_Z * sigma)),
  };
}

/**
 * Whether to read the history again before this poll: once, at the first poll at or after the window's start, for a
 * prediction whose spread had no usable bound (the prior alone, or too few repeats: the floor applies). By then shorter restores of this storm may have finished and measured
 * the spread; the floor's start is the last point where that can still shorten the window (a restore ending before
 * it is covered by the floor). A visibility read, no Atlas call.
 */
export function relearnDue(p: PollingPolicy, s: PollState): boolean {
  const w = closeWindow(p, s);
  return !!w && s.spreadDf !== undefined && s.spreadHi === undefined && !s.relearned && s.sinceSubmitS >= w.startS;
}

/** Seconds to wait before the next poll: never more than p.maxS, in every regime. */
export function nextPollDelayS(p: PollingPolicy, s: PollState): number {
  const t = s.sinceSubmitS;
  let delayS: number;
  const w = closeWindow(p, s);
  if (!w) {
    delayS = Math.max(Math.min(2 * p.initialS, p.initialS * Math.pow(p.factor, s.polls)), t * UNKNOWN_LAG_FRACTION);
  } else {
    const { startS: windowStart, endS: windowEnd } = w;
    if (t < windowStart)
      // One early look for a job that fails fast, then on to the window (maxS at a time, below).
      delayS = s.polls === 0 ? Math.min(p.initialS, windowStart) : Math.max(p.nearS, windowStart - t);
    else if (t < windowEnd) delayS = p.nearS;
    // Longer than predicted: back off gently from nearS (a tenth of the overrun), up to maxS.
    else delayS = Math.max(p.nearS, (t - windowEnd) * 0.1);
  }
  return Math.min(p.maxS, delayS);
}
