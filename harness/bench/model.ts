// Our polling schedule replayed offline: workflows/polling.ts (the very functions the workflow calls) over the
// duration plan, with an explicit overhead per poll and at close instead of a real Temporal server, and the one
// re-read of the history at the window (polling.ts relearnDue; workflows/wait.ts) from the restores finished by then. It is not the
// measurement (that is the storm); it is how the schedule was tuned, and how the README shows what the figures do
// at other noise levels without an hour-long run. `npm run bench -- --model` prints it.
import type { PollingPolicy } from '../product/common';
import { pool } from '../product/workflow';
import { DEFAULT_POLLING } from '../product/common';
import type { PooledSpread } from '../product/common';
import { expectationFrom, sigmaUpperBound } from '../product/common';
import type { PollState } from '../product/workflow';
import { nextPollDelayS, relearnDue } from '../product/workflow';
import type { DurationPlan } from './durations';
import { planDurations } from './durations';
import type { FixedPoller } from './peers/replay';
import { ATLAS_CLI_WATCH, CLOUDFORMATION, replay } from './peers/replay';
import { max, mean, median, quantile, round3 } from './stats';

export interface ModelOptions {
  /** Atlas calls before the first poll: preflight reads, the duplicate check and the create (7 in the current era). */
  fixedCalls: number;
  /** Un-scaled seconds each poll adds beyond its timer (timer lateness, activity round trip). */
  pollOverheadS: number;
  /** Un-scaled seconds from the read that sees COMPLETED to the workflow's close. */
  closeOverheadS: number;
  /** Earlier durations the workflow reads back (activities/history.ts MAX_SAMPLES). */
  maxSamples: number;
  /**
   * How old the pooled spread a re-read gets may be, un-scaled seconds: the worker caches one that bounds the spread
   * for 60 s of wall time (activities/history.ts POOL_TTL_MS), 180 s at the bench's scale 3. Modelled as always that
   * old (conservative): a restore of this round counts in the pool if it ended at least this long before the re-read.
   */
  poolAgeS: number;
  /**
   * The same for a pool too thin to bound the spread, which the worker keeps only 5 s (POOL_TTL_UNMEASURED_MS): 15 s
   * at scale 3. Once the pool bounds the spread, a re-read gets at worst the first such pool (kept the full minute).
   */
  thinPoolAgeS: number;
  policy: PollingPolicy;
}

export const MODEL_DEFAULTS: ModelOptions = {
  fixedCalls: 7,
  pollOverheadS: 0.1,
  closeOverheadS: 0.1,
  maxSamples: 5,
  poolAgeS: 180,
  thinPoolAgeS: 15,
  policy: DEFAULT_POLLING,
};

export interface ModelledRestore {
  round: number;
  pair: number;
  durationS: number;
  calls: number;
  lagS: number;
}

/**
 * When our schedule sees a restore of `durationS` done, given earlier durations of the same target, the pooled
 * spread at its start, and (for the re-read at the window) the pooled spread at a later time since its submit.
 */
export function scheduleFor(
  durationS: number,
  earlierS: number[],
  o: ModelOptions = MODEL_DEFAULTS,
  pooled?: PooledSpread,
  pooledAt: (sinceSubmitS: number) => PooledSpread | undefined = () => pooled,
): { polls: number; lagS: number; relearned: boolean } {
  let s: PollState = { polls: 0, sinceSubmitS: 0, ...(o.policy.learn ? expectationFrom(earlierS, pooled) : {}) };
  for (;;) {
    // As workflows/wait.ts: the re-read (one activity round trip) comes before the delay is chosen.
    if (relearnDue(o.policy, s))
      s = {
        ...s,
        ...expectationFrom(earlierS, pooledAt(s.sinceSubmitS)),
        relearned: true,
        sinceSubmitS: s.sinceSubmitS + o.pollOverheadS,
      };
    const t = s.sinceSubmitS + nextPollDelayS(o.policy, s) + o.pollOverheadS;
    s = { ...s, polls: s.polls + 1, sinceSubmitS: t };
    if (t >= durationS) return { polls: s.polls, lagS: t - durationS + o.closeOverheadS, relearned: !!s.relearned };
  }
}

export function modelRestores(plan: DurationPlan, o: ModelOptions = MODEL_DEFAULTS): ModelledRestore[] {
  const out: ModelledRestore[] = [];
  plan.byRound.forEach((row, round) => {
    // Newest first, as the visibility query returns them; the Atlas-side durations, to the second as Atlas dates are.
    const earlierOf = (pair: number) =>
      plan.byRound
        .slice(0, round)
        .map((r) => Math.round(r[pair]))
        .reverse()
        .slice(0, o.maxSamples);
    // What activities/history.ts pools at the start of this round: every target's earlier restores; and later, with
    // this round's restores that had ended poolAgeS before (the whole round starts at once, as in the bench).
    const pooled = pool(row.map((_, pair) => earlierOf(pair)));
    const poolAt = (t: number) =>
      pool(
        row.map((d, pair) => (d <= t ? [Math.round(d), ...earlierOf(pair)].slice(0, o.maxSamples) : earlierOf(pair))),
      );
    const bounds = (p: PooledSpread | undefined) => !!p && sigmaUpperBound(p) !== undefined;
    // The first time this round's pool bounds the spread (the pool only grows): the stalest pool the cache can hold then.
    const firstBoundAt = [...row].sort((a, b) => a - b).find((t) => bounds(poolAt(t)));
    const pooledAt = (sinceSubmitS: number) => {
      const old = poolAt(sinceSubmitS - o.poolAgeS);
      if (bounds(old)) return old;
      const thin = poolAt(sinceSubmitS - o.thinPoolAgeS);
      return bounds(thin) && firstBoundAt !== undefined ? poolAt(firstBoundAt) : thin;
    };
    row.forEach((durationS, pair) => {
      const s = scheduleFor(durationS, earlierOf(pair), o, pooled, pooledAt);
      out.push({ round, pair, durationS, calls: o.fixedCalls + s.polls, lagS: s.lagS });
    });
  });
  return out;
}

export interface ModelFigures {
  restores: number;
  callsPerRestore: number;
  lagP50S: number;
  lagP99S: number;
  lagMaxS: number;
  peers: Record<
    'atlasCliWatch' | 'cloudFormation' | 'fixedTimerWorkflow',
    { callsPerRestore: number; lagP99S: number; callsRatio: number; lagP99Ratio: number }
  >;
}

const FIXED_TIMER: FixedPoller = { name: 'fixed 10 s timer workflow', firstReadS: 10, intervalS: 10 };

export function modelFigures(rs: ModelledRestore[]): ModelFigures {
  const calls = mean(rs.map((r) => r.calls));
  const lags = rs.map((r) => r.lagS);
  const lagP99 = quantile(lags, 0.99);
  const peer = (p: FixedPoller) => {
    const r = rs.map((x) => replay(p, x.durationS));
    const c = mean(r.map((x) => x.calls));
    const l = quantile(
      r.map((x) => x.lagS),
      0.99,
    );
    return {
      callsPerRestore: round3(c),
      lagP99S: round3(l),
      callsRatio: round3(calls / c),
      lagP99Ratio: round3(lagP99 / l),
    };
  };
  return {
    restores: rs.length,
    callsPerRestore: round3(calls),
    lagP50S: round3(median(lags)),
    lagP99S: round3(lagP99),
    lagMaxS: round3(max(lags)),
    peers: {
      atlasCliWatch: peer(ATLAS_CLI_WATCH),
      cloudFormation: peer(CLOUDFORMATION),
      fixedTimerWorkflow: peer(FIXED_TIMER),
    },
  };
}

/** `--model`: the first round and the later rounds of the plan a real run with these options would use. */
export function modelReport(
  o: { restores: number; rounds: number; seed: number; noise: number; maxTypicalS?: number },
  m: ModelOptions = MODEL_DEFAULTS,
) {
  const rs = modelRestores(planDurations(o.restores, o.rounds, o.seed, o.noise, o.maxTypicalS), m);
  return {
    model: { ...m, note: 'offline replay of workflows/polling.ts; overheads in un-scaled seconds; not a measurement' },
    config: o,
    firstRound: modelFigures(rs.filter((r) => r.round === 0)),
    laterRounds: o.rounds > 1 ? modelFigures(rs.filter((r) => r.round > 0)) : null,
  };
}
