// The batch workflow's shapes and its `progress` query, shared by the workflow and its callers (CLI, tests).
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Outcome } from '../common/constants';
import type { RestoreInput } from '../common/input';

export interface BatchInput {
  /** A name for the drill: the batch's workflow id is derived from it (see common/start-options.ts). */
  name?: string;
  restores: RestoreInput[];
  /** How many restores run at once (default 4). */
  concurrency?: number;
  /** Restores started per run before the batch continues as new (default ITEMS_PER_RUN). */
  itemsPerRun?: number;
}

export type ItemOutcome = Outcome | 'NOT_STARTED';

export interface BatchItem {
  workflowId: string;
  targetClusterName: string;
  outcome: ItemOutcome;
  /** Why a NOT_STARTED item was not started. */
  error?: 'TARGET_BUSY' | 'INVALID_INPUT' | 'BATCH_CANCELLED';
  reason?: string;
  restoreJobId?: string;
}

export interface BatchResult {
  name?: string;
  total: number;
  byOutcome: Partial<Record<ItemOutcome, number>>;
  items: BatchItem[];
  /** Runs of the batch workflow (it continues as new every itemsPerRun restores). */
  runs: number;
  /** The batch itself was cancelled: running restores were cancelled, the rest not started. */
  cancelled?: boolean;
}

/** What a batch carries into its next run besides the pending restores: the summary so far. */
export interface BatchCarry {
  done: BatchItem[];
  runs: number;
}

export interface BatchProgress {
  name?: string;
  total: number;
  done: number;
  running: number;
  pending: number;
  byOutcome: Partial<Record<ItemOutcome, number>>;
  /** 1 for the first run, +1 at each continue-as-new. */
  run: number;
}

export const progressQuery = defineQuery<BatchProgress>('progress');

/** What a restore started by a batch tells the batch as it closes as Canceled (that close carries no result). */
export interface CancelledChild {
  workflowId: string;
  reason?: string;
  /** The job Atlas runs (it keeps running: Atlas cannot cancel it). */
  restoreJobId?: string;
}

export const childCancelledSignal = defineSignal<[CancelledChild]>('childCancelled');

export function countByOutcome(items: Iterable<BatchItem | undefined>): Partial<Record<ItemOutcome, number>> {
  const by: Partial<Record<ItemOutcome, number>> = {};
  for (const it of items) if (it) by[it.outcome] = (by[it.outcome] ?? 0) + 1;
  return by;
}
