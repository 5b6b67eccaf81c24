// The polling schedule: the one place that decides how long to wait before asking Atlas about a restore job again.
// Pure and deterministic (workflow code and unit tests call it alike).
//
// Two regimes:
// - Nothing known about this target: start fast (a restore that fails at once is noticed at once), then back off
//   geometrically to a cap, like any polite poller.
// - Earlier restores into the same target finished in about E seconds (read back from our own history): sleep
//   through most of E, then poll at a short interval around the expected end. That spends few calls and still
//   notices completion within `nearS`. If the restore outlives the window, back off again from `nearS`.
import type { PollingPolicy } from '../common/input';

export const DEFAULT_POLLING: PollingPolicy = { initialS: 5, maxS: 60, factor: 1.5, nearS: 3, learn: true };

export interface PollState {
  /** Polls made so far (0 before the first). */
  polls: number;
  /** Seconds since the job was submitted. */
  sinceSubmitS: number;
  /** Expected Atlas-side duration from earlier restores of this target, seconds. */
  expectedS?: number;
  /** Relative spread of earlier durations (e.g. 0.2 = ±20%); widens the close-polling window. */
  spread?: number;
}

/** Seconds to wait before the next poll. */
export function nextPollDelayS(p: PollingPolicy, s: PollState): number {
  const geometric = (n: number, from: number) => Math.min(p.maxS, from * Math.pow(p.factor, n));
  if (!p.learn || s.expectedS === undefined || s.expectedS <= 0) return geometric(s.polls, p.initialS);
  const spread = Math.min(0.5, Math.max(0.05, s.spread ?? 0.15));
  const windowStart = s.expectedS * (1 - spread);
  const windowEnd = s.expectedS * (1 + spread);
  if (s.sinceSubmitS < windowStart) {
    // One early look for a job that fails fast, then straight to the window.
    if (s.polls === 0) return Math.min(p.initialS, windowStart);
    return Math.max(p.nearS, windowStart - s.sinceSubmitS);
  }
  if (s.sinceSubmitS < windowEnd) return p.nearS;
  // Longer than ever before: back off again, from nearS.
  const overdueS = s.sinceSubmitS - windowEnd;
  return Math.min(p.maxS, Math.max(p.nearS, overdueS * (p.factor - 1)));
}

/** Expected duration and spread from earlier samples (seconds): a high quantile, so the window rarely starts late. */
export function expectationFrom(samplesS: number[]): { expectedS?: number; spread?: number } {
  const xs = samplesS.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (xs.length === 0) return {};
  const median = xs[Math.floor(xs.length / 2)];
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const spread = Math.max(0.1, (hi - lo) / 2 / median + 0.1);
  return { expectedS: median, spread };
}
