// Starting a restore (or a batch) through the SDK client: one per target (per plan name) at a time. A second start
// while one runs attaches to it only when it is the same request — the same RestoreRequestDigest, read from
// describe() — and is refused with TargetBusyError otherwise. Nothing is started in that case.
import type { Client, Workflow, WorkflowHandle, WorkflowStartOptions } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DEFAULT_TASK_QUEUE, SA } from '../common/constants';
import type { RestoreInput } from '../common/input';
import { describeIssues, inputSchemas } from '../common/input';
import type { ResolvedRequest } from '../common/request';
import { resolveRequest } from '../common/request';
import type { TopLevelStartOptions } from '../common/start-options';
import { restoreStartOptions } from '../common/start-options';
import type { restoreWorkflow } from '../workflows';

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

export class TargetBusyError extends Error {
  override readonly name = 'TargetBusyError';
  constructor(
    readonly workflowId: string,
    readonly runId: string | undefined,
    what = 'another restore into this target is running',
  ) {
    super(
      `target busy: ${what}: ${workflowId}${runId ? ` (run ${runId})` : ''}; it is a different request, so nothing was started; wait for it, or cancel it with \`./bin/atlas-restore cancel ${workflowId}\``,
    );
  }
}

export interface StartOptions {
  taskQueue?: string;
  /** Start memo, e.g. the requester's signed start (`startSignature`, activities/identity.ts). */
  memo?: Record<string, unknown>;
}

export interface Started<H> {
  handle: H;
  runId: string;
  /** The same request was already running: this is that workflow, nothing new was started. */
  existing: boolean;
}

/** Validates, resolves and starts (the library entry point; the CLI validates first and calls startResolved). */
export async function startRestore(
  client: Client,
  raw: unknown,
  o: StartOptions = {},
): Promise<Started<WorkflowHandle<typeof restoreWorkflow>>> {
  const parsed = inputSchemas().RestoreInputSchema.safeParse(raw);
  if (!parsed.success) throw new InvalidInputError(`invalid restore input: ${describeIssues(parsed.error)}`);
  return startResolved(client, raw as RestoreInput, resolveRequest(parsed.data), o);
}

/** Starts a request already validated and resolved: `input` is what the workflow receives, `resolved` its meaning. */
export function startResolved(
  client: Client,
  input: RestoreInput,
  resolved: ResolvedRequest,
  o: StartOptions = {},
): Promise<Started<WorkflowHandle<typeof restoreWorkflow>>> {
  return startOrAttach<typeof restoreWorkflow>(
    client,
    restoreStartOptions(resolved),
    [input],
    o,
    'another restore into this target is running',
  );
}

/**
 * Starts a workflow, or returns the running one with the same id when its digest equals ours. A running one with
 * another digest (or none) is a different request: TargetBusyError. A run that closes between our start and our
 * describe is simply started again.
 */
export async function startOrAttach<W extends Workflow>(
  client: Client,
  opts: TopLevelStartOptions,
  args: Parameters<W>,
  o: StartOptions,
  busy: string,
): Promise<Started<WorkflowHandle<W>>> {
  const { workflowType, digest, ...startOpts } = opts;
  for (let attempt = 0; ; attempt++) {
    try {
      // `args` is Parameters<W>; TypeScript cannot resolve WorkflowStartOptions' conditional type for a generic W.
      const options = {
        ...startOpts,
        taskQueue: o.taskQueue ?? DEFAULT_TASK_QUEUE,
        ...(o.memo ? { memo: o.memo } : {}),
        args,
      } as unknown as WorkflowStartOptions<W>;
      const handle = await client.workflow.start<W>(workflowType, options);
      return { handle, runId: handle.firstExecutionRunId, existing: false };
    } catch (e) {
      if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    }
    const desc = await client.workflow.getHandle(opts.workflowId).describe();
    if (desc.status.name !== 'RUNNING' && attempt < 3) continue;
    if (desc.typedSearchAttributes.get(SA.requestDigest) === digest)
      return { handle: client.workflow.getHandle<W>(opts.workflowId, desc.runId), runId: desc.runId, existing: true };
    throw new TargetBusyError(opts.workflowId, desc.runId, busy);
  }
}
