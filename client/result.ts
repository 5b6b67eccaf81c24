// The RestoreResult of a finished restore, whatever its outcome (see common/outcome.ts).
import { WorkflowFailedError, WorkflowHandle } from '@temporalio/client';
import { resultFromFailure } from '../common/outcome';
import type { RestoreResult } from '../common/result';
import type { restoreWorkflow } from '../workflows';

export async function restoreResultOf(handle: WorkflowHandle<typeof restoreWorkflow>): Promise<RestoreResult> {
  try {
    return await handle.result();
  } catch (e) {
    const r = e instanceof WorkflowFailedError ? resultFromFailure(e) : undefined;
    if (r) return r;
    throw e;
  }
}
