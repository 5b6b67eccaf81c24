// The RestoreResult of a finished restore, whatever its outcome (see common/outcome.ts): the workflow's result, the
// details of its failure, or, for a restore that closed as Canceled, the memo it wrote just before (with the full
// audit trail from the `audit` query when a worker can answer it).
import type { WorkflowHandle } from '@temporalio/client';
import { CancelledFailure, WorkflowFailedError } from '@temporalio/client';
import { isRestoreResult, MEMO_RESULT_KEY, resultFromFailure } from '../common/outcome';
import type { RestoreResult } from '../common/result';
import type { restoreWorkflow } from '../workflows';
import { auditQuery } from '../workflows/definitions';

export async function restoreResultOf(handle: WorkflowHandle<typeof restoreWorkflow>): Promise<RestoreResult> {
  try {
    return await handle.result();
  } catch (e) {
    const r =
      e instanceof WorkflowFailedError
        ? (resultFromFailure(e) ?? (e.cause instanceof CancelledFailure ? await resultFromMemo(handle) : undefined))
        : undefined;
    if (r) return r;
    throw e;
  }
}

/** The result a cancelled restore stored in its memo; undefined if there is none (e.g. cancelled before it ran). */
async function resultFromMemo(handle: WorkflowHandle): Promise<RestoreResult | undefined> {
  const memo = (await handle.describe()).memo?.[MEMO_RESULT_KEY];
  if (!isRestoreResult(memo)) return undefined;
  try {
    return { ...memo, audit: await handle.query(auditQuery) };
  } catch {
    return memo;
  }
}
