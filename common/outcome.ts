// How an outcome shows in Temporal. A restore that did not restore (anything but COMPLETED or DRY_RUN) ends its
// workflow as *failed*, with the outcome as the failure type, the one-sentence reason as its message and the full
// RestoreResult as its details: so the Temporal UI's Failures view and status column tell operators the truth,
// while callers still get the whole result (restoreResultOf / resultFromFailure). Workflow-safe.
import { ApplicationFailure } from '@temporalio/common';
import type { Outcome } from './constants';
import type { RestoreResult } from './result';

export const isSuccess = (o: Outcome): boolean => o === 'COMPLETED' || o === 'DRY_RUN';

export function outcomeFailure(r: RestoreResult): ApplicationFailure {
  return ApplicationFailure.create({ type: r.outcome, message: r.reason ?? r.outcome, nonRetryable: true, details: [r] });
}

/** The RestoreResult carried by a failed restore workflow (WorkflowFailedError, ChildWorkflowFailure, ...). */
export function resultFromFailure(e: unknown): RestoreResult | undefined {
  for (let c = e as { cause?: unknown } | undefined, depth = 0; c && depth < 5; c = c.cause as { cause?: unknown } | undefined, depth++) {
    if (c instanceof ApplicationFailure) {
      const d = c.details?.[0] as RestoreResult | undefined;
      if (d && typeof d === 'object' && typeof d.outcome === 'string' && Array.isArray(d.audit)) return d;
    }
  }
  return undefined;
}
