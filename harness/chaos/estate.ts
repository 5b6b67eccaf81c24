// The simulated Atlas estate of a chaos run: one project per restore (so every fault rule can be scoped to exactly
// one restore by its project id), each with a source holding a snapshot and a target holding its own recovery
// snapshot. The simulator's planner decides each job's duration and ending from the restore's plan, so a job
// created twice would still be seen, counted and judged.
import type { RestoreInput } from '../product/common';
import type { World } from '../product/dev-tools';
import type { RestorePlan } from './scenarios';

export interface ChaosPair {
  plan: RestorePlan;
  projectId: string;
  source: string;
  target: string;
  snapshotId: string;
  /** The target's own snapshot: what a rollback restores. */
  recoverySnapshotId: string;
  /** The foreign cluster whose restore into our target is already running ('foreign-running'). */
  intruder?: string;
  input: RestoreInput;
}

/** Atlas-side duration of a rollback restore (the target from its own snapshot). */
const ROLLBACK_MS = 1_500;

export interface EstateCounters {
  /** Jobs the planner made never finish / end FAILED (our own jobs only). */
  runningForever: number;
  failedJobs: number;
}

export function buildEstate(
  world: World,
  plans: RestorePlan[],
  polling: { initialS: number; maxS: number },
): { pairs: ChaosPair[]; counters: EstateCounters } {
  const counters: EstateCounters = { runningForever: 0, failedJobs: 0 };
  const pairs: ChaosPair[] = plans.map((plan) => {
    const projectId = world.addProject(world.newId());
    const kind = plan.backend;
    const instanceSize = kind === 'flex' ? 'FLEX' : plan.index % 2 ? 'M5' : 'M2';
    const source = world.addCluster({ groupId: projectId, name: `src-${plan.index}`, kind, instanceSize }).name;
    const target = world.addCluster({ groupId: projectId, name: `dst-${plan.index}`, kind, instanceSize }).name;
    const snapshotId = world.addSnapshot({ groupId: projectId, clusterName: source }).id;
    const recoverySnapshotId = world.addSnapshot({ groupId: projectId, clusterName: target }).id;
    const pair: ChaosPair = {
      plan,
      projectId,
      source,
      target,
      snapshotId,
      recoverySnapshotId,
      input: {
        projectId,
        clusterName: source,
        snapshotId,
        targetClusterName: target,
        acknowledgeDataLoss: true,
        // Verification is on by default and needs a wire server per target: the chaos estate has none.
        verify: false,
        polling,
        deadline: plan.deadlineS,
        rollbackOnFailure: plan.rollbackOnFailure,
        requester: 'chaos-harness',
        reason: `CHAOS-${plan.index}: ${plan.kinds.join(', ') || 'no Atlas faults'}${plan.killPoint ? `; worker killed at ${plan.killPoint}` : ''}`,
      },
    };
    if (plan.kinds.includes('foreign-running')) {
      pair.intruder = world.addCluster({ groupId: projectId, name: `intruder-${plan.index}`, kind, instanceSize }).name;
      world.addSnapshot({ groupId: projectId, clusterName: pair.intruder });
    }
    return pair;
  });

  const byTarget = new Map(pairs.map((p) => [`${p.projectId}/${p.target}`, p]));
  world.planner = (j) => {
    const p = byTarget.get(`${j.targetProjectId}/${j.targetCluster}`);
    if (!p) return { durationMs: 2_000 };
    if (j.snapshotId === p.recoverySnapshotId) return { durationMs: ROLLBACK_MS };
    if (j.snapshotId !== p.snapshotId) return { durationMs: Infinity };
    if (p.plan.durationMs === Infinity) counters.runningForever++;
    if (p.plan.kinds.includes('failed-job')) counters.failedJobs++;
    return { durationMs: p.plan.durationMs, endsAs: p.plan.kinds.includes('failed-job') ? 'FAILED' : 'COMPLETED' };
  };
  return { pairs, counters };
}

/** A foreign restore into the pair's target, already running before ours starts (it never finishes). */
export function startForeignRestore(world: World, p: ChaosPair, nowMs = Date.now()): void {
  const snap = world.snapshotsOf(p.projectId, p.intruder!)[0];
  world.createJob({
    backend: p.plan.backend,
    groupId: p.projectId,
    sourceCluster: p.intruder!,
    snapshotId: snap.id,
    targetProjectId: p.projectId,
    targetCluster: p.target,
    createdAtMs: nowMs,
    snapshotFinishedDate: snap.finishTime,
    mongoDBVersion: snap.mongoDBVersion,
  });
}

/** Ground truth from the simulator: our jobs, rollback jobs and foreign jobs into the pair's target. */
export function jobsOf(world: World, p: ChaosPair) {
  const all = world.jobsIntoTarget(p.projectId, p.target);
  return {
    ours: all.filter((j) => j.snapshotId === p.snapshotId && j.sourceCluster === p.source),
    rollbacks: all.filter((j) => j.snapshotId === p.recoverySnapshotId),
    foreign: all.filter((j) => j.snapshotId !== p.snapshotId && j.snapshotId !== p.recoverySnapshotId),
  };
}
