// A DR drill or a nightly refresh: many restores as child workflows, with bounded concurrency, continuing past
// failures, ending in a summary. Also the example of starting restores from another workflow.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ChildWorkflowFailure, executeChild } from '@temporalio/workflow';
import { Outcome } from '../common/constants';
import { RestoreInput, RestoreInputSchema, describeIssues } from '../common/input';
import { resultFromFailure } from '../common/outcome';
import { restoreStartOptions } from '../common/start-options';
import type { RestoreResult } from '../common/result';
import { restoreWorkflow } from './restore';

export interface BatchInput {
  /** A name for the drill, shown in the summary. */
  name?: string;
  restores: RestoreInput[];
  /** How many restores run at once (default 4). */
  concurrency?: number;
}

export interface BatchItem {
  workflowId: string;
  targetClusterName: string;
  outcome: Outcome | 'NOT_STARTED';
  reason?: string;
  restoreJobId?: string;
}

export interface BatchResult {
  name?: string;
  total: number;
  byOutcome: Partial<Record<Outcome | 'NOT_STARTED', number>>;
  items: BatchItem[];
}

export async function batchRestoreWorkflow(b: BatchInput): Promise<BatchResult> {
  const items: BatchItem[] = new Array(b.restores.length);
  let next = 0;
  const lane = async () => {
    while (next < b.restores.length) {
      const idx = next++;
      items[idx] = await runOne(b.restores[idx]);
    }
  };
  const lanes = Math.max(1, Math.min(b.concurrency ?? 4, b.restores.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  const byOutcome: BatchResult['byOutcome'] = {};
  for (const it of items) byOutcome[it.outcome] = (byOutcome[it.outcome] ?? 0) + 1;
  return { name: b.name, total: items.length, byOutcome, items };
}

async function runOne(raw: RestoreInput): Promise<BatchItem> {
  const parsed = RestoreInputSchema.safeParse(raw);
  const target = String((raw as { targetClusterName?: unknown })?.targetClusterName ?? '?');
  if (!parsed.success) return { workflowId: '', targetClusterName: target, outcome: 'NOT_STARTED', reason: describeIssues(parsed.error) };
  const o = restoreStartOptions(parsed.data);
  try {
    const r: RestoreResult = await executeChild(restoreWorkflow, {
      args: [raw],
      workflowId: o.workflowId,
      staticSummary: o.staticSummary,
      staticDetails: o.staticDetails,
      typedSearchAttributes: o.typedSearchAttributes,
    });
    return { workflowId: r.workflowId, targetClusterName: target, outcome: r.outcome, reason: r.reason, restoreJobId: r.restoreJobId };
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError)
      return { workflowId: o.workflowId, targetClusterName: target, outcome: 'NOT_STARTED', reason: 'another restore into this target is already running' };
    if (e instanceof ChildWorkflowFailure) {
      // A restore that did not restore fails its workflow with its result attached (common/outcome.ts).
      const r = resultFromFailure(e);
      if (r) return { workflowId: r.workflowId, targetClusterName: target, outcome: r.outcome, reason: r.reason, restoreJobId: r.restoreJobId };
      return { workflowId: o.workflowId, targetClusterName: target, outcome: 'FAILED', reason: e.cause?.message ?? e.message };
    }
    throw e;
  }
}

