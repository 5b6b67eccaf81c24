// The pure parts of the benchmark and the schedule it measures, without servers: the declared duration plan, the
// exact replay of the fixed-rule peers, and our polling schedule (workflows/polling.ts) replayed by harness/bench/model.ts.
import { DURATION_MODEL, planDurations } from '../../harness/bench/durations';
import { parseOptions } from '../../harness/bench/main';
import { validate } from '../../harness/bench/options';
import { MODEL_DEFAULTS, modelFigures, modelRestores, scheduleFor } from '../../harness/bench/model';
import { ATLAS_CLI_WATCH, CLOUDFORMATION, replay } from '../../harness/bench/peers/replay';
import { median, quantile } from '../../harness/bench/stats';
import { pool } from '../../activities/history';
import { DEFAULT_POLLING } from '../../common/request';
import { expectationFrom, PRIOR_SIGMA } from '../../common/expectation';
import { nextPollDelayS } from '../../workflows/polling';

describe('duration plan', () => {
  test('is reproducible from its seed and shaped as declared', () => {
    const a = planDurations(2000, 2, 42, 0.1);
    expect(planDurations(2000, 2, 42, 0.1)).toEqual(a);
    expect(planDurations(2000, 2, 43, 0.1)).not.toEqual(a);
    const m = median(a.typicalS);
    expect(m).toBeGreaterThan(150);
    expect(m).toBeLessThan(215);
    expect(Math.min(...a.typicalS)).toBeGreaterThanOrEqual(DURATION_MODEL.clusterMinS);
    expect(Math.max(...a.byRound.flat())).toBeLessThanOrEqual(DURATION_MODEL.restoreMaxS);
    // Restores of one cluster vary around its typical duration by the declared log-sd.
    const logRatios = a.byRound[0].map((d, i) => Math.log(d / a.typicalS[i]));
    const sd = Math.sqrt(logRatios.reduce((s, x) => s + x * x, 0) / logRatios.length);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
  });
});

test('--maxTypicalS: the clusters’ typical durations truncated lower, so a scale-1 run ends in bounded time', () => {
  const o = parseOptions(['node', 'bench', '-n', '50', '--scale', '1', '--maxTypicalS', '600']);
  expect(o).toMatchObject({ restores: 50, scale: 1, maxTypicalS: 600 });
  expect(validate(o)).toEqual([]);
  expect(validate({ ...o, maxTypicalS: 10 })).not.toEqual([]);
  const capped = planDurations(50, 3, 1, 0.1, 600);
  expect(Math.max(...capped.typicalS)).toBeLessThanOrEqual(600);
  expect(Math.max(...planDurations(50, 3, 1, 0.1).typicalS)).toBeGreaterThan(600);
  // Each restore still varies around its cluster's typical duration by the declared noise.
  expect(Math.max(...capped.byRound.flat())).toBeLessThan(600 * Math.exp(4 * 0.1));
});

describe('replayed peers', () => {
  test('atlas CLI watch: a read at once and every 4 s; CloudFormation: every 30 s after the create', () => {
    expect(replay(ATLAS_CLI_WATCH, 10)).toEqual({ calls: 1 + 4, lagS: 2 }); // reads at 0, 4, 8, 12
    expect(replay(ATLAS_CLI_WATCH, 12)).toEqual({ calls: 1 + 4, lagS: 0 });
    expect(replay(CLOUDFORMATION, 10)).toEqual({ calls: 1 + 1, lagS: 20 });
    expect(replay(CLOUDFORMATION, 61)).toEqual({ calls: 1 + 3, lagS: 29 });
    for (let d = 20; d < 400; d += 0.7) {
      const r = replay(ATLAS_CLI_WATCH, d);
      expect(r.lagS).toBeGreaterThanOrEqual(0);
      expect(r.lagS).toBeLessThan(4);
    }
  });
});

describe('our polling schedule', () => {
  const noOverhead = { ...MODEL_DEFAULTS, pollOverheadS: 0, closeOverheadS: 0 };

  test('with nothing known, the lag never exceeds 2·initialS or 1.5 % of the restore, and the first look is at initialS', () => {
    expect(nextPollDelayS(DEFAULT_POLLING, { polls: 0, sinceSubmitS: 0 })).toBe(DEFAULT_POLLING.initialS);
    for (let d = 1; d < 4000; d += 13.7)
      expect(scheduleFor(d, [], noOverhead).lagS).toBeLessThanOrEqual(
        Math.max(2 * DEFAULT_POLLING.initialS, 0.015 * d * 1.02) + 1e-9,
      );
  });

  test('the cap of the unknown regime respects a lower maxS', () => {
    const p = { ...DEFAULT_POLLING, initialS: 1, maxS: 1.5 };
    expect(nextPollDelayS(p, { polls: 10, sinceSubmitS: 100 })).toBe(1.5);
  });

  test('learned: a restore ending within the predicted range is seen within nearS, with fewer polls than polling every nearS (the window starts at half the median at the latest)', () => {
    const earlier = [600, 640, 580];
    for (const d of [480, 520, 600, 700, 780])
      expect(scheduleFor(d, earlier, noOverhead).lagS).toBeLessThanOrEqual(DEFAULT_POLLING.nearS + 1e-9);
    expect(scheduleFor(606, earlier, noOverhead).polls).toBeLessThan((606 / DEFAULT_POLLING.nearS) * 0.6);
  });

  test('learned: an early look for a job that fails fast, then on to the window maxS at a time', () => {
    const { expectedS, spread } = expectationFrom([900]);
    expect(nextPollDelayS(DEFAULT_POLLING, { polls: 0, sinceSubmitS: 0, expectedS, spread })).toBe(
      DEFAULT_POLLING.initialS,
    );
    expect(nextPollDelayS(DEFAULT_POLLING, { polls: 1, sinceSubmitS: 5, expectedS, spread })).toBe(
      DEFAULT_POLLING.maxS,
    );
    const r = scheduleFor(900, [900], noOverhead);
    expect(r.lagS).toBeLessThanOrEqual(DEFAULT_POLLING.nearS + 1e-9);
    expect(r.polls).toBeLessThan((900 / DEFAULT_POLLING.nearS) * 0.6);
  });

  test('learned: a restore that outlives the prediction is still polled, backing off to at most maxS', () => {
    const { expectedS, spread } = expectationFrom([100, 100]);
    const late = nextPollDelayS(DEFAULT_POLLING, { polls: 40, sinceSubmitS: 5000, expectedS, spread });
    expect(late).toBe(DEFAULT_POLLING.maxS);
    expect(scheduleFor(400, [100, 100], noOverhead).lagS).toBeLessThan(30);
  });

  test('the prediction: geometric mean, and a spread that narrows as samples agree but never below the pooled prior', () => {
    const one = expectationFrom([400]);
    expect(one.expectedS).toBeCloseTo(400, 6);
    expect(one.spread).toBeCloseTo(PRIOR_SIGMA * Math.sqrt(2), 6);
    const five = expectationFrom([400, 400, 400, 400, 400]);
    expect(five.spread!).toBeLessThan(one.spread!);
    const scattered = expectationFrom([200, 800]);
    expect(scattered.expectedS).toBeCloseTo(400, 6);
    expect(scattered.spread!).toBeGreaterThan(one.spread!);
    expect(expectationFrom([])).toEqual({});
    expect(expectationFrom([0, -1, NaN])).toEqual({});
  });

  test('over a storm of realistic restores, later rounds use fewer calls than the first at a lower p99 lag', () => {
    const plan = planDurations(500, 3, 3, 0.1);
    const rs = modelRestores(plan, MODEL_DEFAULTS);
    const first = modelFigures(rs.filter((r) => r.round === 0));
    const later = modelFigures(rs.filter((r) => r.round > 0));
    expect(later.lagP99S).toBeLessThan(first.lagP99S);
    expect(later.peers.atlasCliWatch.callsRatio).toBeLessThan(0.62);
    expect(later.peers.atlasCliWatch.lagP99Ratio).toBeLessThan(1);
    expect(
      quantile(
        rs.map((r) => r.lagS),
        1,
      ),
    ).toBeLessThan(DEFAULT_POLLING.maxS + 1);
  });
  test.each([
    [0.05, 0.5],
    [0.1, 0.6],
    [0.2, 0.8],
  ])(
    'noise %p (the prior assumes 0.10): later rounds stay ahead of the watch loop at ≤ %p × its calls, the first round polls less than a 10 s timer',
    (noise, callsRatio) => {
      const rs = modelRestores(planDurations(500, 3, 3, noise), MODEL_DEFAULTS);
      const first = modelFigures(rs.filter((r) => r.round === 0));
      const later = modelFigures(rs.filter((r) => r.round > 0));
      expect(later.lagP99S).toBeLessThanOrEqual(later.peers.atlasCliWatch.lagP99S);
      expect(later.lagMaxS).toBeLessThanOrEqual(DEFAULT_POLLING.maxS + 1);
      expect(later.peers.atlasCliWatch.callsRatio).toBeLessThanOrEqual(callsRatio);
      // Polls = calls − the fixed calls (preflight, duplicate check, create) ≤ the timer's calls − its create.
      expect(first.callsPerRestore - MODEL_DEFAULTS.fixedCalls).toBeLessThanOrEqual(
        first.peers.fixedTimerWorkflow.callsPerRestore - 1,
      );
    },
  );

  test('round 2: the re-read at the window, from the restores finished by then, saves calls at low noise and keeps the lag', () => {
    const plan = planDurations(500, 3, 3, 0.05);
    const round2 = (o: typeof MODEL_DEFAULTS) => modelFigures(modelRestores(plan, o).filter((r) => r.round === 1));
    // A pool always older than the round (both ages past every restore): the re-read finds only the prior.
    const without = round2({ ...MODEL_DEFAULTS, poolAgeS: 1e9, thinPoolAgeS: 1e9 });
    const withReRead = round2(MODEL_DEFAULTS);
    expect(withReRead.callsPerRestore).toBeLessThan(without.callsPerRestore * 0.8);
    expect(withReRead.lagP99S).toBeLessThanOrEqual(withReRead.peers.atlasCliWatch.lagP99S);
    // Once per learned restore, at the floor's start (0.5 × the median), and the window follows what it read.
    const readsAt: number[] = [];
    const narrow = { sumSquares: 500 * 0.05 ** 2, df: 500 };
    const once = scheduleFor(900, [900], MODEL_DEFAULTS, undefined, (t) => (readsAt.push(t), narrow));
    expect(once.relearned).toBe(true);
    expect(readsAt).toHaveLength(1);
    expect(readsAt[0]).toBeGreaterThanOrEqual(450);
    expect(readsAt[0]).toBeLessThan(450 + DEFAULT_POLLING.maxS + 1);
    expect(once.polls).toBeLessThan(scheduleFor(900, [900], MODEL_DEFAULTS, undefined, () => undefined).polls - 20);
  });
});

/**
 * The fewest reads that see 99 % of restores within 4 s, for a schedule that knows each restore's distribution
 * (lognormal, median `medianS`, log-sd `sigma`): a read every 4 s from its 1 % quantile on, until the restore is seen
 * (earlier reads are paid by every restore, later ones only by those still running). Returns calls per restore
 * over the watch loop's, with our fixed calls, for the later rounds of a plan.
 */
function lowerBoundRatio(noise: number, knowMedian: boolean): number {
  const plan = planDurations(500, 3, 3, noise);
  let ours = 0;
  let watch = 0;
  for (const round of [1, 2])
    plan.byRound[round].forEach((d, i) => {
      const logs = plan.byRound.slice(0, round).map((r) => Math.log(Math.round(r[i])));
      const n = logs.length;
      const mu = knowMedian ? Math.log(plan.typicalS[i]) : logs.reduce((a, b) => a + b, 0) / n;
      const lo = Math.exp(mu - 2.326 * noise * (knowMedian ? 1 : Math.sqrt(1 + 1 / n)));
      ours += MODEL_DEFAULTS.fixedCalls + (d <= lo ? 1 : Math.ceil((d - lo) / 4) + 1);
      watch += replay(ATLAS_CLI_WATCH, d).calls;
    });
  return ours / watch;
}

test('the lower bound on calls for the lag target: 0.6 × the watch loop is out of reach at noise 0.30', () => {
  const bound = [0.05, 0.1, 0.2, 0.3].map((noise) => lowerBoundRatio(noise, false));
  const oracle = [0.05, 0.1, 0.2, 0.3].map((noise) => lowerBoundRatio(noise, true));
  for (let i = 0; i < 4; i++) expect(oracle[i]).toBeLessThan(bound[i]);
  expect(bound[3]).toBeGreaterThan(0.6);
  expect(oracle[3]).toBeGreaterThan(0.6);
  expect(bound[2]).toBeLessThan(0.6);
  // Our schedule is above the bound at every noise level (it polls every nearS = 3 s, not 4, and learns σ).
  [0.05, 0.1, 0.2, 0.3].forEach((noise, i) => {
    const rs = modelRestores(planDurations(500, 3, 3, noise), MODEL_DEFAULTS);
    expect(modelFigures(rs.filter((r) => r.round > 0)).peers.atlasCliWatch.callsRatio).toBeGreaterThan(bound[i]);
  });
});

test('the spread is pooled across targets: many repeats elsewhere settle it for a target restored once', () => {
  // 200 targets restored twice, each pair ±10 % apart (log-sd ≈ 0.1): the pooled spread is about 0.1.
  const perTarget = Array.from({ length: 200 }, (_, i) => [100 + i, (100 + i) * (i % 2 ? 1.15 : 0.87)]);
  const pooled = pool(perTarget)!;
  expect(pooled.df).toBe(200);
  const sigma = Math.sqrt(pooled.sumSquares / pooled.df);
  expect(sigma).toBeGreaterThan(0.08);
  expect(sigma).toBeLessThan(0.12);
  // A target with one earlier restore: without the pool only the prior speaks; with a wide pool, the pool does.
  const alone = expectationFrom([600]);
  const wide = expectationFrom([600], pool(Array.from({ length: 200 }, () => [100, 300]))!);
  expect(wide.spread!).toBeGreaterThan(3 * alone.spread!);
  // Targets restored once contribute nothing to the pool.
  expect(pool([[100], [200], []])).toBeUndefined();
});
