// One restore of a batch, as a child workflow: parsed and resolved once, started with the shared start options
// (common/start-options.ts), and its ending turned into a summary item.
import { ChildWorkflowFailure, executeChild, isCancellation } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { RestoreInput } from '../common/input';
import { describeIssues, inputSchemas } from '../common/input';
import { resultFromFailure } from '../common/outcome';
import { resolveRequest } from '../common/request';
import type { RestoreResult } from '../common/result';
import { RESTORE_WORKFLOW_TYPE, restoreChildOptions } from '../common/start-options';
import type { BatchItem, CancelledChild } from './batch-definitions';
import type { restoreWorkflow } from './restore';

const TARGET_BUSY_REASON = 'target busy: another restore into this target is running';

export async function runBatchItem(
  raw: RestoreInput,
  cancelledChildren: ReadonlyMap<string, CancelledChild> = new Map(),
): Promise<BatchItem> {
  const target = String((raw as { targetClusterName?: unknown })?.targetClusterName ?? '?');
  const parsed = inputSchemas().RestoreInputSchema.safeParse(raw);
  if (!parsed.success)
    return {
      workflowId: '',
      targetClusterName: target,
      outcome: 'NOT_STARTED',
      error: 'INVALID_INPUT',
      reason: describeIssues(parsed.error),
    };
  const o = restoreChildOptions(resolveRequest(parsed.data));
  const item = (r: RestoreResult): BatchItem => ({
    workflowId: r.workflowId,
    targetClusterName: target,
    outcome: r.outcome,
    reason: r.reason,
    restoreJobId: r.restoreJobId,
  });
  try {
    return item(await executeChild<typeof restoreWorkflow>(RESTORE_WORKFLOW_TYPE, { ...o, args: [raw] }));
  } catch (e) {
    if (e instanceof WorkflowExecutionAlreadyStartedError)
      return {
        workflowId: o.workflowId,
        targetClusterName: target,
        outcome: 'NOT_STARTED',
        error: 'TARGET_BUSY',
        reason: `${TARGET_BUSY_REASON} (${o.workflowId})`,
      };
    // A restore that did not restore fails its workflow with its result attached (common/outcome.ts).
    const r = resultFromFailure(e);
    if (r) return item(r);
    // A cancelled child carries no result details (SDK 1.24): what it signalled before closing, else what we know.
    if (isCancellation(e) || (e instanceof ChildWorkflowFailure && isCancellation(e.cause))) {
      const told = cancelledChildren.get(o.workflowId);
      return {
        workflowId: o.workflowId,
        targetClusterName: target,
        outcome: 'CANCELLED',
        reason: told?.reason ?? 'the restore was cancelled',
        ...(told?.restoreJobId ? { restoreJobId: told.restoreJobId } : {}),
      };
    }
    if (e instanceof ChildWorkflowFailure)
      return {
        workflowId: o.workflowId,
        targetClusterName: target,
        outcome: 'FAILED',
        reason: e.cause?.message ?? e.message,
      };
    throw e;
  }
}
