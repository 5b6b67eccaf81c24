// The batch workflow with a stub child in place of the real restore (registered under the same type name), so a
// batch test is about the batch: hundreds of items in seconds on the time-skipping server, no Atlas.
// The child's ending is chosen by its target's name: ok-* completes, pf-* fails preflight, wait-* waits until cancelled.
import { condition, sleep } from '@temporalio/workflow';
import { outcomeFailure } from '../../common/outcome';
import type { RestoreInput } from '../../common/input';
import type { RestoreResult } from '../../common/result';

export { batchRestoreWorkflow } from '../../workflows/batch';

export async function restoreWorkflow(raw: RestoreInput): Promise<RestoreResult> {
  const t = raw.targetClusterName;
  const result = (outcome: RestoreResult['outcome'], reason?: string): RestoreResult => ({
    workflowId: `stub-${t}`,
    runId: 'stub',
    outcome,
    reason,
    checks: [],
    compensations: [],
    polls: 0,
    startedAt: '',
    finishedAt: '',
    audit: [],
  });
  if (t.startsWith('wait-')) await condition(() => false);
  await sleep(200);
  if (t.startsWith('pf-')) throw outcomeFailure(result('PREFLIGHT_FAILED', 'target paused'));
  return result('COMPLETED');
}
