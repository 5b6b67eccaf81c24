// Small worlds for workflow tests: one source with a snapshot and one healthy target, per test (unique names).
import type { SimCluster, World } from '../../simulator/world';
import { objectId } from '../../simulator/world';
import type { RestoreInput } from '../../common/input';

let n = 0;

export interface Pair {
  projectId: string;
  source: SimCluster;
  target: SimCluster;
  snapshotId: string;
  input: RestoreInput;
}

/** A source cluster with a COMPLETED snapshot and an IDLE target in the same project; `kind` is the source's. */
export function addPair(
  world: World,
  o: { kind?: 'tenant' | 'flex'; target?: Partial<SimCluster>; nowMs?: number; restoreMs?: number } = {},
): Pair {
  n++;
  const projectId = world.addProject();
  const source = world.addCluster({
    groupId: projectId,
    name: `src-${n}`,
    kind: o.kind ?? 'tenant',
    instanceSize: (o.kind ?? 'tenant') === 'flex' ? 'FLEX' : 'M5',
  });
  const target = world.addCluster({
    groupId: projectId,
    name: `dst-${n}`,
    kind: o.kind ?? 'tenant',
    restoreDurationMs: o.restoreMs,
    ...o.target,
  });
  const snap = world.addSnapshot({ groupId: projectId, clusterName: source.name }, o.nowMs);
  world.addSnapshot({ groupId: projectId, clusterName: target.name }, o.nowMs);
  return {
    projectId,
    source,
    target,
    snapshotId: snap.id,
    input: {
      projectId,
      clusterName: source.name,
      snapshotId: snap.id,
      targetClusterName: target.name,
      acknowledgeDataLoss: true,
      requester: 'alice@example.com',
      reason: 'TEST-1',
      // Verification is on by default and needs the simulator's data plane (`data: true`): the tests of other paths
      // say it is off; test/verify/ and the verify history paths set their own.
      verify: false,
    },
  };
}

export { objectId };
