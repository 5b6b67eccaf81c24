// The prediction's maths (common/expectation.ts): how much measurement stands behind the spread, and its upper bound.
import { expectationFrom, sigmaUpperBound } from '../../common/expectation';
import { Rng } from '../../harness/kit/rng';

test('spreadDf: 0 while the spread is the prior alone, the pooled df once other targets measured it', () => {
  expect(expectationFrom([600]).spreadDf).toBe(0);
  expect(expectationFrom([600], { sumSquares: 0, df: 0 }).spreadDf).toBe(0);
  expect(expectationFrom([600, 630, 570]).spreadDf).toBe(2);
  expect(expectationFrom([600], { sumSquares: 2.5, df: 250 }).spreadDf).toBe(250);
  expect(expectationFrom([])).toEqual({});
});

test('the upper bound: none on the prior alone, wide on few repeats, within 10 % of the estimate on hundreds', () => {
  expect(sigmaUpperBound({ sumSquares: 0, df: 0 })).toBeUndefined();
  expect(expectationFrom([600]).spreadHi).toBeUndefined();
  const at = (df: number) => sigmaUpperBound({ sumSquares: df * 0.1 ** 2, df })!;
  expect(sigmaUpperBound({ sumSquares: 0.09, df: 9 })).toBeUndefined();
  expect(expectationFrom([600, 630, 570, 610, 590]).spreadHi).toBeUndefined();
  expect(at(10)).toBeGreaterThan(0.19);
  expect(at(10)).toBeLessThan(0.21);
  expect(at(500)).toBeGreaterThan(0.1);
  expect(at(500)).toBeLessThan(0.11);
  for (let df = 10; df < 1000; df *= 2) expect(at(2 * df)).toBeLessThan(at(df));
  // The prediction's bound carries the median's uncertainty, as its spread does.
  const e = expectationFrom([600], { sumSquares: 500 * 0.1 ** 2, df: 500 });
  expect(e.spreadHi! / e.spread!).toBeCloseTo(at(500) / Math.sqrt((2 * 0.01 + 5) / 502), 6);
});

test('the upper bound holds the true noise at least about 99 times in 100, pooled from pairs of restores', () => {
  // 2,000 trials each: targets restored twice at log-sd 0.2, pooled as activities/history.ts does (df = pairs).
  const rng = new Rng(7);
  const sigma = 0.2;
  for (const pairs of [10, 30, 300]) {
    let covered = 0;
    for (let trial = 0; trial < 2000; trial++) {
      let sumSquares = 0;
      for (let i = 0; i < pairs; i++) {
        const d = Math.log(rng.lognormal(100, sigma)) - Math.log(rng.lognormal(100, sigma));
        sumSquares += d ** 2 / 2;
      }
      if (sigmaUpperBound({ sumSquares, df: pairs })! >= sigma) covered++;
    }
    expect(covered / 2000).toBeGreaterThan(0.98);
    expect(covered / 2000).toBeLessThan(0.997);
  }
});
