// The simulated Atlas estate of a benchmark run: N source/target pairs for our orchestrator, the same N again
// (mirrors, in their own projects) for the fixed-timer peer and for the watch-loop process, and a few pairs for
// timing the CLI start. Every restore's duration comes from the duration plan, chosen by the simulator's planner hook
// when the job is created, so a pair and its mirrors get exactly the same duration in each round.
import { Rng } from '../kit/rng';
import type { DurationPlan } from './durations';
import { iso, World } from '../product/dev-tools';

/** Pairs per project: many projects, as an Atlas organisation has, each with its own rate-limit bucket. */
export const PAIRS_PER_PROJECT = 5;

export type Owner = 'ours' | 'fixedTimer' | 'watchLoop' | 'probe';

export interface BenchPair {
  owner: Owner;
  index: number;
  projectId: string;
  source: string;
  target: string;
  /** A new snapshot of the source for every round: each nightly refresh restores the latest one. */
  snapshotIds: string[];
  /** The restore API that serves the source in this era. */
  backend: 'tenant' | 'flex';
}

export interface BenchWorld {
  world: World;
  ours: BenchPair[];
  fixedTimer: BenchPair[];
  /** Mirrors for the watch-loop process (peers/watch-loop.ts); empty when it does not run. */
  watchLoop: BenchPair[];
  probes: BenchPair[];
  /** Which pair a cluster name belongs to (sources and targets), for attributing Atlas calls. */
  byCluster: Map<string, BenchPair>;
  /** Rounds are run one after the other; the planner reads the current one. */
  setRound(round: number): void;
}

export function buildBenchWorld(o: {
  /** Pairs per project of ours and of the fixed-timer peer (default PAIRS_PER_PROJECT). */
  pairsPerProject?: number;
  pairs: number;
  probes: number;
  era: 'legacy' | 'current';
  seed: number;
  plan: DurationPlan;
  scale: number;
  /** Build the watch-loop peer's mirrors too. */
  watchLoop?: boolean;
}): BenchWorld {
  const world = new World(o.era, o.seed);
  const nowMs = Date.now();
  const snapshots = o.plan.byRound.length;
  const kinds = new Rng(o.seed ^ 0x6b1d);
  const byCluster = new Map<string, BenchPair>();
  const make = (owner: Owner, prefix: string, count: number): BenchPair[] => {
    const pairs: BenchPair[] = [];
    let projectId = '';
    const perProject = owner === 'probe' ? PAIRS_PER_PROJECT : (o.pairsPerProject ?? PAIRS_PER_PROJECT);
    for (let i = 0; i < count; i++) {
      if (i % perProject === 0) projectId = world.addProject(world.newId());
      // Shared-tier estates: mostly M2/M5, some already Flex (the same draw for a pair and its mirror).
      const r = owner === 'fixedTimer' || owner === 'watchLoop' ? fixedKinds[i] : kinds.next();
      if (owner === 'ours') fixedKinds[i] = r;
      const kind = r < 0.8 ? ('tenant' as const) : ('flex' as const);
      const instanceSize = kind === 'flex' ? 'FLEX' : r < 0.4 ? 'M2' : 'M5';
      const source = world.addCluster({ groupId: projectId, name: `${prefix}src-${i}`, kind, instanceSize }).name;
      const target = world.addCluster({ groupId: projectId, name: `${prefix}dst-${i}`, kind, instanceSize }).name;
      const snapshotIds = Array.from(
        { length: snapshots },
        (_, r) =>
          world.addSnapshot(
            { groupId: projectId, clusterName: source, finishTime: iso(nowMs - (snapshots - r) * 60_000) },
            nowMs,
          ).id,
      );
      world.addSnapshot({ groupId: projectId, clusterName: target }, nowMs);
      const backend = kind === 'flex' || o.era === 'current' ? 'flex' : 'tenant';
      const p: BenchPair = { owner, index: i, projectId, source, target, snapshotIds, backend };
      byCluster.set(source, p);
      byCluster.set(target, p);
      pairs.push(p);
    }
    return pairs;
  };
  const fixedKinds: number[] = [];
  const ours = make('ours', '', o.pairs);
  const fixedTimer = make('fixedTimer', 'ft-', o.pairs);
  const watchLoop = make('watchLoop', 'wl-', o.watchLoop ? o.pairs : 0);
  const probes = make('probe', 'probe-', o.probes);

  let round = 0;
  world.planner = ({ targetCluster }) => {
    const p = byCluster.get(targetCluster);
    // Probes are never meant to run (their workflows have no worker); give them a day if one ever does.
    if (!p || p.owner === 'probe') return { durationMs: 86_400_000 / o.scale };
    return { durationMs: (o.plan.byRound[round][p.index] * 1000) / o.scale };
  };
  return { world, ours, fixedTimer, watchLoop, probes, byCluster, setRound: (r) => (round = r) };
}
