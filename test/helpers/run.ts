// Starting restores in tests, the way the CLI does (client/start.ts), and reading what the simulator saw.
import type { WorkflowHandle } from '@temporalio/client';
import { restoreResultOf } from '../../client/result';
import { startRestore } from '../../client/start';
import type { RestoreInput } from '../../common/input';
import type { restoreWorkflow } from '../../workflows';
import { statusQuery } from '../../workflows/definitions';
import type { Stack } from './stack';
import { pollUntil } from './poll';

/** Starts a restore; the handle's result() gives the RestoreResult of every outcome (see common/outcome.ts). */
export async function start(h: Stack, input: RestoreInput): Promise<WorkflowHandle<typeof restoreWorkflow>> {
  const { handle } = await startRestore(h.env.client, input, { taskQueue: h.taskQueue });
  return { ...handle, result: () => restoreResultOf(handle) } as WorkflowHandle<typeof restoreWorkflow>;
}

/** Waits (real time) until the status query satisfies `pred`. */
export async function waitForStatus(
  handle: WorkflowHandle<typeof restoreWorkflow>,
  pred: (s: Awaited<ReturnType<typeof queryStatus>>) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  await pollUntil(() => queryStatus(handle), pred, { timeoutMs, what: 'status condition' });
}

export const queryStatus = (handle: WorkflowHandle<typeof restoreWorkflow>) => handle.query(statusQuery);

/** Jobs the simulator holds for a target: the ground truth for "exactly one job". */
export const jobsInto = (h: Stack, projectId: string, target: string) => h.sim.world.jobsIntoTarget(projectId, target);

/** The simulator's clock now (the time-skipping server's time when the harness uses it). */
export const simNow = async (h: Stack): Promise<number> => h.sim.clock();
