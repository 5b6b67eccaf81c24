// The drill's restore: a child restoreWorkflow into the scratch cluster, so every guarantee of a restore holds (exactly
// once, honest outcome, audit, verification with the drill's settings). It runs to its end even when the drill is
// cancelled: Atlas cannot cancel a running restore job, so the drill tears the cluster down only after the job ends.
import { CancellationScope, startChild } from '@temporalio/workflow';
import { describeFailure } from '../common/failure';
import type { RestoreInput } from '../common/input';
import { describeIssues, inputSchemas, restoreWorkflowId } from '../common/input';
import { resultFromFailure } from '../common/outcome';
import { resolveRequest } from '../common/request';
import type { RestoreResult } from '../common/result';
import { RESTORE_WORKFLOW_TYPE, restoreChildOptions } from '../common/start-options';
import { nowMs } from './clock';
import type { DrillRun } from './drill-state';
import type { restoreWorkflow } from './restore';

/** How often the child polls its job: a drill measures RTO, so no slower than this. */
const DRILL_POLLING = { initialS: 2, maxS: 30, nearS: 2 };

/** The child's input: the drill's snapshot into its scratch cluster, verified with the drill's settings. */
export function childInput(run: DrillRun, snapshotId: string): RestoreInput {
  const s = run.r.scratch!;
  return {
    projectId: run.d.projectId,
    clusterName: run.d.clusterName,
    snapshotId,
    targetProjectId: s.projectId,
    targetClusterName: s.clusterName,
    acknowledgeDataLoss: true,
    polling: DRILL_POLLING,
    // What is left of the work's share of the drill's deadline (the child ends by it, the teardown follows).
    deadline: Math.max(60, Math.floor((run.workUntilMs - nowMs()) / 1000)),
    requester: run.d.requester ?? `drill ${run.d.name}`,
    reason: `restore drill ${run.d.name} (${run.r.workflowId})`,
    // Verification runs in a drill whatever the default (common/verification.ts VERIFY_BY_DEFAULT).
    verify: run.d.verify,
  };
}

/** Runs the child to its end; returns its result, or why there is none. */
export async function runChildRestore(
  run: DrillRun,
  input: RestoreInput,
): Promise<{ result?: RestoreResult; error?: string }> {
  const parsed = inputSchemas().RestoreInputSchema.safeParse(input);
  if (!parsed.success) return { error: `the drill's restore input is invalid: ${describeIssues(parsed.error)}` };
  const o = restoreChildOptions(resolveRequest(parsed.data));
  run.r.restore = { workflowId: restoreWorkflowId(parsed.data) };
  run.phase('RESTORE');
  // Not cancelled with the drill: the child is waited for (its own deadline bounds it).
  return CancellationScope.nonCancellable(async () => {
    try {
      const h = await startChild<typeof restoreWorkflow>(RESTORE_WORKFLOW_TYPE, { ...o, args: [input] });
      run.r.restore!.runId = h.firstExecutionRunId;
      return { result: await h.result() };
    } catch (e) {
      const r = resultFromFailure(e);
      return r ? { result: r } : { error: describeFailure(e).message };
    }
  });
}

/** When the restore was requested (its first submit attempt): the origin of RPO and RTO. */
export const requestedAt = (r: RestoreResult): string | undefined =>
  (r.audit.find((a) => a.type === 'submit-attempt') ?? r.audit.find((a) => a.type === 'submitted'))?.at;
