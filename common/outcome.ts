// How an outcome shows in Temporal. A restore that did not restore ends its workflow as *failed* (with the outcome as
// the failure type, the one-sentence reason as its message and the full RestoreResult as its details), except a
// cancelled one, which closes as *Canceled*: so the Temporal UI's status filters tell operators the truth, while
// callers still get the whole result (restoreResultOf / resultFromFailure). Workflow-safe.
//
// A cancelled workflow's close event carries no details in SDK 1.24 (its cancel command has none), so a cancelled
// restore stores its result in the memo under MEMO_RESULT_KEY (memoResult: the audit trail shortened) before it closes.
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import type { Outcome } from './constants';
import type { RestoreResult } from './result';

export const isSuccess = (o: Outcome): boolean => o === 'COMPLETED' || o === 'DRY_RUN';

export const MEMO_RESULT_KEY = 'restoreResult';
/** Audit entries the memo keeps: the first and the last ones (the full trail stays readable with the `audit` query). */
const MEMO_AUDIT_HEAD = 10;
const MEMO_AUDIT_TAIL = 30;

export function outcomeFailure(r: RestoreResult): ApplicationFailure {
  return ApplicationFailure.create({
    type: r.outcome,
    message: r.reason ?? r.outcome,
    nonRetryable: true,
    details: [r],
  });
}

/** The result as the memo holds it: small (tens of KB at most), the audit trail cut to its first and last entries. */
export function memoResult(r: RestoreResult): RestoreResult {
  const a = r.audit;
  return a.length <= MEMO_AUDIT_HEAD + MEMO_AUDIT_TAIL
    ? r
    : { ...r, audit: [...a.slice(0, MEMO_AUDIT_HEAD), ...a.slice(-MEMO_AUDIT_TAIL)] };
}

export const isRestoreResult = (d: unknown): d is RestoreResult =>
  !!d &&
  typeof d === 'object' &&
  typeof (d as RestoreResult).outcome === 'string' &&
  Array.isArray((d as RestoreResult).audit);

/**
 * The RestoreResult carried by a failed restore workflow (WorkflowFailedError, ChildWorkflowFailure, ...): the details
 * of its ApplicationFailure, or of a CancelledFailure when one carries them (SDK 1.24's do not: see the memo above).
 */
export function resultFromFailure(e: unknown): RestoreResult | undefined {
  for (
    let c = e as { cause?: unknown } | undefined, depth = 0;
    c && depth < 5;
    c = c.cause as { cause?: unknown } | undefined, depth++
  ) {
    if (c instanceof ApplicationFailure || c instanceof CancelledFailure) {
      const d: unknown = c.details?.[0];
      if (isRestoreResult(d)) return d;
    }
  }
  return undefined;
}
