// An attacker's workflows against the drill activities (issue 22, the point of damage): run by the attacker's own
// worker on the attacker's task queue, scheduling our drill activities on our task queue.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ScratchCreate } from '../../activities/drill-atlas';

const ours = (taskQueue: string) =>
  proxyActivities<Activities>({ taskQueue, startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 1 } });

/** A workflow of another type creating (or deleting) a cluster through the drill activities. */
export async function rogueDrillCreate(taskQueue: string, c: ScratchCreate): Promise<unknown> {
  return ours(taskQueue).drillCreateCluster(c);
}

export async function rogueDrillDelete(taskQueue: string, c: ScratchCreate): Promise<unknown> {
  return ours(taskQueue).drillDeleteCluster(c);
}

/** A look-alike registered as drillWorkflow, started under a drill's id, on the attacker's task queue. */
export async function drillWorkflow(taskQueue: string, c: ScratchCreate): Promise<unknown> {
  return ours(taskQueue).drillCreateCluster(c);
}
