// From per-restore records to the reported figures, for one group of rounds (the first round, or the later ones).
// The replayed peers are computed on exactly the durations of our restores in the same group.
import type { FixedPoller } from './peers/replay';
import { ATLAS_CLI_WATCH, CLOUDFORMATION, replay } from './peers/replay';
import type { RestoreRecord } from './records';
import { max, mean, median, quantile, round3, sum } from './stats';

export interface PeerFigures {
  restores: number;
  callsPerRestore: number;
  lagP50S: number;
  lagP99S: number;
  lagMaxS: number;
  /** Ours ÷ this peer. */
  callsRatio: number;
  lagP99Ratio: number;
}

export interface GroupFigures {
  restores: number;
  completed: number;
  failed: number;
  duplicateJobs: number;
  callsPerRestore: number;
  floorCallsPerRestore: number;
  lagP50S: number;
  lagP99S: number;
  lagMaxS: number;
  /** The read that saw COMPLETED − restoreFinishedDate: the lag without the workflow's closing bookkeeping. */
  readLagP99S: number;
  historyEventsMax: number;
  historyEventsP50: number;
  workflowTasksP50: number;
  workflowTasksMax: number;
  http429: number;
  callsByOperation: Record<string, number>;
  peers: {
    atlasCliWatch: PeerFigures;
    /** The same watch loop run for real, as its own process (peers/watch-loop.ts): it pays the machine's overhead too. */
    watchLoopProcess: PeerFigures;
    cloudFormation: PeerFigures;
    fixedTimerWorkflow: PeerFigures;
  };
}

const lags = (rs: RestoreRecord[]): number[] => rs.map((r) => r.lagS).filter((x): x is number => x !== undefined);

function peer(ours: { calls: number; lagP99: number }, calls: number[], lagS: number[]): PeerFigures {
  const callsPerRestore = mean(calls);
  const lagP99S = quantile(lagS, 0.99);
  return {
    restores: calls.length,
    callsPerRestore: round3(callsPerRestore),
    lagP50S: round3(median(lagS)),
    lagP99S: round3(lagP99S),
    lagMaxS: round3(max(lagS)),
    callsRatio: round3(ours.calls / callsPerRestore),
    lagP99Ratio: round3(ours.lagP99 / lagP99S),
  };
}

function replayed(p: FixedPoller, ours: { calls: number; lagP99: number }, rs: RestoreRecord[]): PeerFigures {
  const r = rs.map((x) => replay(p, x.durationS));
  return peer(
    ours,
    r.map((x) => x.calls),
    r.map((x) => x.lagS),
  );
}

export function groupFigures(records: RestoreRecord[]): GroupFigures {
  const ours = records.filter((r) => r.who === 'ours');
  const fixed = records.filter((r) => r.who === 'fixedTimer');
  const watchLoop = records.filter((r) => r.who === 'watchLoop');
  const ourLags = lags(ours);
  const calls = mean(ours.map((r) => r.calls));
  const o = { calls, lagP99: quantile(ourLags, 0.99) };
  const byOp: Record<string, number> = {};
  for (const r of ours) for (const [op, n] of Object.entries(r.callsByOperation)) byOp[op] = (byOp[op] ?? 0) + n;
  return {
    restores: ours.length,
    completed: ours.filter((r) => r.outcome === 'COMPLETED').length,
    failed: ours.filter((r) => r.outcome !== 'COMPLETED').length,
    duplicateJobs: sum(ours.map((r) => Math.max(0, r.jobs - 1))),
    callsPerRestore: round3(calls),
    floorCallsPerRestore: round3(mean(ours.map((r) => r.floorCalls))),
    lagP50S: round3(median(ourLags)),
    lagP99S: round3(o.lagP99),
    lagMaxS: round3(max(ourLags)),
    readLagP99S: round3(
      quantile(
        ours.map((r) => r.readLagS).filter((x): x is number => x !== undefined),
        0.99,
      ),
    ),
    historyEventsMax: max(ours.map((r) => r.historyEventsMaxRun)),
    historyEventsP50: median(ours.map((r) => r.historyEvents)),
    workflowTasksP50: median(ours.map((r) => r.workflowTasks)),
    workflowTasksMax: max(ours.map((r) => r.workflowTasks)),
    http429: sum(ours.map((r) => r.http429)),
    callsByOperation: Object.fromEntries(Object.entries(byOp).map(([op, n]) => [op, round3(n / ours.length)])),
    peers: {
      atlasCliWatch: replayed(ATLAS_CLI_WATCH, o, ours),
      watchLoopProcess: peer(
        o,
        watchLoop.map((r) => r.calls),
        lags(watchLoop),
      ),
      cloudFormation: replayed(CLOUDFORMATION, o, ours),
      fixedTimerWorkflow: peer(
        o,
        fixed.map((r) => r.calls),
        lags(fixed),
      ),
    },
  };
}
