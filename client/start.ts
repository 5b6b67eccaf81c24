// Starting a restore: one per target at a time. The workflow id is derived from the target; a second start for the
// same target is refused while one runs, unless it is the very same request (then the running one is returned).
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowHandle } from '@temporalio/client';
import { DEFAULT_TASK_QUEUE, SA } from '../common/constants';
import { describeIssues, RestoreInput, RestoreInputSchema } from '../common/input';
import { restoreStartOptions } from '../common/start-options';
import { restoreWorkflow } from '../workflows';

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

export class TargetBusyError extends Error {
  override readonly name = 'TargetBusyError';
  constructor(
    readonly workflowId: string,
    readonly runId: string | undefined,
  ) {
    super(`a different restore into this target is already running: ${workflowId}${runId ? ` (run ${runId})` : ''}; wait for it, or cancel it with \`atlas-restore cancel ${workflowId}\``);
  }
}

export interface StartOptions {
  taskQueue?: string;
}

export async function startRestore(client: Client, raw: unknown, o: StartOptions = {}): Promise<{ handle: WorkflowHandle<typeof restoreWorkflow>; runId: string; existing: boolean }> {
  const parsed = RestoreInputSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError(`invalid restore input: ${describeIssues(parsed.error)}`);
  const i = parsed.data;
  const input = raw as RestoreInput;
  const opts = restoreStartOptions(i);
  const workflowId = opts.workflowId;
  try {
    const handle = await client.workflow.start(restoreWorkflow, {
      taskQueue: o.taskQueue ?? DEFAULT_TASK_QUEUE,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      staticSummary: opts.staticSummary,
      staticDetails: opts.staticDetails,
      typedSearchAttributes: opts.typedSearchAttributes,
    });
    return { handle, runId: handle.firstExecutionRunId, existing: false };
  } catch (e) {
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    // Same request again (a retried runbook step)? Return the running restore instead of refusing.
    const handle = client.workflow.getHandle<typeof restoreWorkflow>(workflowId);
    const desc = await handle.describe();
    const same =
      desc.typedSearchAttributes.get(SA.snapshotId) === i.snapshotId &&
      desc.typedSearchAttributes.get(SA.sourceCluster) === i.clusterName &&
      desc.typedSearchAttributes.get(SA.projectId) === i.projectId;
    if (same) return { handle: client.workflow.getHandle(workflowId, desc.runId), runId: desc.runId, existing: true };
    throw new TargetBusyError(workflowId, desc.runId);
  }
}
