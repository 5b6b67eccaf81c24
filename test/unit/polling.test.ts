// The polling schedule's promises (workflows/polling.ts), checked directly on nextPollDelayS.
import { DEFAULT_POLLING } from '../../common/request';
import { expectationFrom } from '../../common/expectation';
import type { PollState } from '../../workflows/polling';
import { nextPollDelayS } from '../../workflows/polling';

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
