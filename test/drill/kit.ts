// Drill tests' small world: a Flex source with a COMPLETED snapshot (and data, on the simulator's FerretDB), and a
// drill started the way a schedule starts it (workflow id = the drill's schedule id).
import type { WorkflowClient } from '@temporalio/client';
import type { DrillInput } from '../../common/drill';
import { drillStartOptions } from '../../common/drill-input';
import type { World } from '../../simulator/world';
import { drillWorkflow } from '../../workflows';

let n = 0;

export interface DrillSource {
  projectId: string;
  clusterName: string;
  snapshotId: string;
  name: string;
}

/** A Flex source with one COMPLETED snapshot; a fresh drill name per call. */
export function addSource(world: World, nowMs = Date.now()): DrillSource {
  n++;
  const projectId = world.addProject();
  const clusterName = `src-${n}-${process.pid}`;
  world.addCluster({
    groupId: projectId,
    name: clusterName,
    kind: 'flex',
    backingProviderName: 'AWS',
    regionName: 'EU_WEST_1',
  });
  // An older snapshot too: the drill must pick the newest.
  world.addSnapshot({ groupId: projectId, clusterName }, nowMs - 86_400_000);
  const snap = world.addSnapshot({ groupId: projectId, clusterName }, nowMs);
  return { projectId, clusterName, snapshotId: snap.id, name: `d${n}-${process.pid}` };
}

/** Fast knobs: a created cluster is IDLE after 0.5 s, a deleted one gone after 0.5 s, a restore takes 2 s. */
export function fastWorld(world: World, restoreMs = 2_000): void {
  world.flexCreateMs = 500;
  world.flexDeleteMs = 500;
  world.defaultRestoreMs = restoreMs;
  world.phases = { pendingMs: 100, queuedMs: 100 };
}

/** The drill of a source (the newest COMPLETED snapshot: no snapshotId), with `extra` fields. */
export const drillOf = (src: DrillSource, extra: Partial<DrillInput> = {}): DrillInput => ({
  name: src.name,
  projectId: src.projectId,
  clusterName: src.clusterName,
  ...extra,
});

export function startDrill(client: WorkflowClient, taskQueue: string, input: DrillInput) {
  const { workflowType: _type, ...o } = drillStartOptions(input);
  return client.start(drillWorkflow, { ...o, taskQueue, args: [input] });
}

export const scratchOf = (world: World, projectId: string) =>
  [...world.clusters.values()].filter((c) => c.groupId === projectId && c.name.startsWith('drill-'));
