// The polling schedule's promises (workflows/polling.ts), checked directly on nextPollDelayS.
import { DEFAULT_POLLING } from '../../common/request';
import { expectationFrom } from '../../common/expectation';
import type { PollState } from '../../workflows/polling';
import { nextPollDelayS, relearnDue } from '../../workflows/polling';

const P = DEFAULT_POLLING;

/** Every delay the schedule gives while a restore of `durationS` runs (no overhead). */
function delaysUntil(durationS: number, s: Omit<PollState, 'polls' | 'sinceSubmitS'>): number[] {
  const out: number[] = [];
  for (let t = 0, polls = 0; t < durationS; polls++) {
    const d = nextPollDelayS(P, { ...s, polls, sinceSubmitS: t });
    out.push(d);
    t += d;
  }
  return out;
}

describe('maxS is a hard cap in every regime', () => {
  test('learned: a long predicted restore is approached maxS at a time, never in one longer sleep', () => {
    const { expectedS, spread } = expectationFrom([3000]);
    const after = nextPollDelayS(P, { polls: 1, sinceSubmitS: 5, expectedS, spread });
    expect(after).toBeLessThanOrEqual(P.maxS);
    for (const d of delaysUntil(3000, { expectedS, spread })) expect(d).toBeLessThanOrEqual(P.maxS);
  });

  test('a lower maxS caps the first look, the window approach and the backoff alike', () => {
    const p = { ...P, initialS: 5, nearS: 3, maxS: 4 };
    const { expectedS, spread } = expectationFrom([600, 620]);
    for (const sinceSubmitS of [0, 10, 100, 400, 600, 2000, 9000])
      for (const polls of [0, 1, 5, 50]) {
        expect(nextPollDelayS(p, { polls, sinceSubmitS, expectedS, spread })).toBeLessThanOrEqual(4);
        expect(nextPollDelayS(p, { polls, sinceSubmitS })).toBeLessThanOrEqual(4);
      }
  });
});

describe('nothing known', () => {
  test('the interval grows with elapsed time: 2·initialS early, about 1.5 % of the elapsed time later, up to maxS', () => {
    expect(nextPollDelayS(P, { polls: 0, sinceSubmitS: 0 })).toBe(P.initialS);
    expect(nextPollDelayS(P, { polls: 5, sinceSubmitS: 100 })).toBe(2 * P.initialS);
    expect(nextPollDelayS(P, { polls: 50, sinceSubmitS: 2000 })).toBeCloseTo(30, 6);
    expect(nextPollDelayS(P, { polls: 200, sinceSubmitS: 20_000 })).toBe(P.maxS);
    const ds = delaysUntil(3600, {});
    for (let i = 1; i < ds.length; i++) expect(ds[i]).toBeGreaterThanOrEqual(ds[i - 1]);
    // An hour-long restore: fewer polls than a read every 10 s (360).
    expect(ds.length).toBeLessThan(3600 / 10);
  });
});

describe('learned, and robust to a spread that is only the prior', () => {
  test('a restore far shorter or longer than its one predecessor is still polled every nearS around its end', () => {
    // One earlier restore and no pooled spread: the spread is the prior's (±10 %), but Atlas may vary more.
    const { expectedS, spread } = expectationFrom([1000]);
    for (const durationS of [560, 700, 1400, 2400]) {
      let t = 0;
      let polls = 0;
      while (t < durationS) t += nextPollDelayS(P, { polls: polls++, sinceSubmitS: t, expectedS, spread });
      expect(t - durationS).toBeLessThanOrEqual(P.nearS + 1e-9);
    }
  });
});

describe('the window follows how well the spread is measured', () => {
  // One earlier restore of 600 s: the prediction's spread is the prior's, until other targets measure it.
  const prior = expectationFrom([600]);
  const wellMeasured = expectationFrom([600], { sumSquares: 500 * 0.05 ** 2, df: 500 });
  const noisy = expectationFrom([600], { sumSquares: 500 * 0.3 ** 2, df: 500 });
  const closeFrom = (s: Omit<PollState, 'polls' | 'sinceSubmitS'>) => {
    let t = 0;
    for (let polls = 0; nextPollDelayS(P, { ...s, polls, sinceSubmitS: t }) > P.nearS; polls++)
      t += nextPollDelayS(P, { ...s, polls, sinceSubmitS: t });
    return t;
  };

  test('the prior alone keeps the floor (close from half the median); a state from an older build too', () => {
    expect(prior.spreadDf).toBe(0);
    expect(prior.spreadHi).toBeUndefined();
    expect(closeFrom(prior)).toBeGreaterThanOrEqual(300);
    expect(closeFrom(prior)).toBeLessThan(300 + P.maxS);
    const old = { expectedS: prior.expectedS, spread: prior.spread };
    for (const sinceSubmitS of [0, 100, 299, 300, 600, 1500, 1600, 3000])
      expect(nextPollDelayS(P, { ...old, polls: 3, sinceSubmitS })).toBe(
        nextPollDelayS(P, { ...prior, polls: 3, sinceSubmitS }),
      );
  });

  test('a well-measured small spread starts the close polling later; a well-measured large one earlier', () => {
    expect(closeFrom(wellMeasured)).toBeGreaterThan(0.75 * 600);
    expect(closeFrom(noisy)).toBeLessThan(0.4 * 600);
    // ...and the large one keeps polling closely past the floor's end (2.5 × the median).
    expect(nextPollDelayS(P, { ...noisy, polls: 9, sinceSubmitS: 2.6 * 600 })).toBe(P.nearS);
    expect(nextPollDelayS(P, { ...prior, polls: 9, sinceSubmitS: 2.6 * 600 })).toBeGreaterThan(P.nearS);
  });
});

describe('relearnDue: one re-read at the window, only while the spread is the prior alone', () => {
  const prior = expectationFrom([600]);
  test('due from the floor’s start on, until done', () => {
    expect(relearnDue(P, { ...prior, polls: 3, sinceSubmitS: 299 })).toBe(false);
    expect(relearnDue(P, { ...prior, polls: 4, sinceSubmitS: 300 })).toBe(true);
    expect(relearnDue(P, { ...prior, polls: 4, sinceSubmitS: 900 })).toBe(true);
    expect(relearnDue(P, { ...prior, polls: 4, sinceSubmitS: 900, relearned: true })).toBe(false);
  });
  test('never for a measured spread, a state from an older build, or without learning', () => {
    const measured = expectationFrom([600], { sumSquares: 1, df: 100 });
    expect(relearnDue(P, { ...measured, polls: 4, sinceSubmitS: 500 })).toBe(false);
    expect(relearnDue(P, { expectedS: 600, spread: prior.spread, polls: 4, sinceSubmitS: 500 })).toBe(false);
    expect(relearnDue({ ...P, learn: false }, { ...prior, polls: 4, sinceSubmitS: 500 })).toBe(false);
    expect(relearnDue(P, { polls: 4, sinceSubmitS: 500 })).toBe(false);
  });
});
