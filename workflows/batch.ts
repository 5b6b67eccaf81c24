// A DR drill or a nightly refresh: many restores as child workflows, with bounded concurrency, continuing past
// failures, ending in a summary. Children get parentClosePolicy REQUEST_CANCEL (a cancelled or terminated batch
// cancels its restores, which compensate). Large plans continue as new every `itemsPerRun` restores, carrying only
// the pending restores and the summary so far.
import {
  ApplicationFailure,
  CancellationScope,
  continueAsNew,
  isCancellation,
  patched,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { Outcome } from '../common/constants';
import { SA } from '../common/constants';
import type { BatchCarry, BatchInput, BatchItem, BatchResult, CancelledChild } from './batch-definitions';
import { childCancelledSignal, countByOutcome, progressQuery } from './batch-definitions';
import { isBatchWorkflowId } from '../common/start-options';
import { runBatchItem } from './batch-item';

/** Patch id of the check that the batch's workflow id is the one its name gives (issue 21). */
const BATCH_ID_PATCH = 'batch-id-is-name';

/** Restores started per run: ~5 history events each keeps a run far below the continue-as-new suggestion. */
const ITEMS_PER_RUN = 200;

export async function batchRestoreWorkflow(b: BatchInput, carried?: BatchCarry): Promise<BatchResult> {
  // Carried state is ours only on a run continued from an earlier run of this batch; from any other caller it is forged.
  if (carried && !workflowInfo().continuedFromExecutionRunId)
    throw ApplicationFailure.nonRetryable('carried batch state is accepted only on a continued run', 'InvalidInput');
  // One batch per plan name: only under the id its name (or, unnamed, its digest) gives (common/start-options.ts).
  if (patched(BATCH_ID_PATCH) && !isBatchWorkflowId(workflowInfo().workflowId, b.name))
    throw ApplicationFailure.nonRetryable(
      `invalid batch input: workflow id ${workflowInfo().workflowId} is not the id of batch ${b.name ?? '(unnamed)'}`,
      'InvalidInput',
    );
  const before = carried?.done ?? [];
  const run = (carried?.runs ?? 0) + 1;
  const limit = Math.min(b.restores.length, Math.max(1, b.itemsPerRun ?? ITEMS_PER_RUN));
  const items: (BatchItem | undefined)[] = new Array(limit);
  let next = 0;
  let running = 0;
  const stopping = () => CancellationScope.current().consideredCancelled;

  // What cancelled restores told us before closing (workflows/finish.ts): their items name the job they leave.
  const cancelledChildren = new Map<string, CancelledChild>();
  setHandler(childCancelledSignal, (c) => void cancelledChildren.set(c.workflowId, c));

  setHandler(progressQuery, () => {
    const finished = items.filter(Boolean).length;
    return {
      name: b.name,
      total: before.length + b.restores.length,
      done: before.length + finished,
      running,
      pending: b.restores.length - finished - running,
      byOutcome: countByOutcome([...before, ...items]),
      run,
    };
  });

  const lane = async () => {
    while (next < limit && !stopping() && !(next > 0 && workflowInfo().continueAsNewSuggested)) {
      const idx = next++;
      running++;
      try {
        items[idx] = await runBatchItem(b.restores[idx], cancelledChildren);
      } finally {
        running--;
      }
    }
  };
  const lanes = Math.max(1, Math.min(b.concurrency ?? 4, limit));
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } catch (e) {
    if (!isCancellation(e)) throw e;
  }
  const done = [...before, ...items.slice(0, next).map((it, i) => it ?? notStarted(b.restores[i]))];
  const pending = b.restores.slice(next);
  if (pending.length && !stopping())
    return continueAsNew<typeof batchRestoreWorkflow>({ ...b, restores: pending }, { done, runs: run });
  const all = [...done, ...pending.map(notStarted)];
  const worst = worstOutcome(all);
  upsertSearchAttributes([{ key: SA.phase, value: 'DONE' }, ...(worst ? [{ key: SA.outcome, value: worst }] : [])]);
  return {
    name: b.name,
    total: all.length,
    byOutcome: countByOutcome(all),
    items: all,
    runs: run,
    ...(stopping() ? { cancelled: true } : {}),
  };
}

function notStarted(raw: unknown): BatchItem {
  const target = String((raw as { targetClusterName?: unknown })?.targetClusterName ?? '?');
  return {
    workflowId: '',
    targetClusterName: target,
    outcome: 'NOT_STARTED',
    error: 'BATCH_CANCELLED',
    reason: 'the batch was cancelled before this restore started',
  };
}

/** Worst first, as the CLI's exit codes rank them (common/exit-codes.ts EXIT_SEVERITY): the batch's RestoreOutcome. */
const OUTCOME_SEVERITY: Outcome[] = [
  'FAILED',
  'COMPENSATED',
  'VERIFY_FAILED',
  'PREFLIGHT_FAILED',
  'DEADLINE_EXCEEDED',
  'CANCELLED',
  'REJECTED',
  'DRY_RUN',
  'COMPLETED',
];

function worstOutcome(items: BatchItem[]): Outcome | undefined {
  let worst: Outcome | undefined;
  for (const i of items)
    if (
      i.outcome !== 'NOT_STARTED' &&
      (!worst || OUTCOME_SEVERITY.indexOf(i.outcome) < OUTCOME_SEVERITY.indexOf(worst))
    )
      worst = i.outcome;
  return worst;
}
