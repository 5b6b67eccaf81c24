// What the benchmark keeps about each restore it ran (ours, the fixed-timer peer's, the watch loop's), for the figures.

export type Orchestrator = 'ours' | 'fixedTimer' | 'watchLoop';

export interface RestoreRecord {
  who: Orchestrator;
  round: number;
  pair: number;
  /** The planned Atlas-side duration, un-scaled seconds (the same for ours, the peers and the replays). */
  durationS: number;
  /** RestoreOutcome for ours; the Atlas job's final status for the fixed-timer peer; NOT_FINISHED if neither. */
  outcome: string;
  /** Restore jobs the simulator created into the target during the round (1 is right; more are duplicates). */
  jobs: number;
  calls: number;
  callsByOperation: Record<string, number>;
  http429: number;
  /** Preflight reads + 1 create + 1 read: the least any careful tool calls for this restore. */
  floorCalls: number;
  /** Workflow close (the watch loop: the answer of its read that saw it) − restoreFinishedDate, un-scaled seconds. */
  lagS?: number;
  /** The read that saw COMPLETED − restoreFinishedDate, un-scaled seconds (lag before bookkeeping). */
  readLagS?: number;
  /** Temporal history: events summed over runs, the largest single run, runs, workflow tasks. */
  historyEvents: number;
  historyEventsMaxRun: number;
  runs: number;
  workflowTasks: number;
  workflowTaskFailures: number;
}
