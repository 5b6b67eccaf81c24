// The simulator's model of Atlas: projects, clusters, snapshots and restore jobs. Job status is a pure function of
// the clock (PENDING → QUEUED → RUNNING → COMPLETED | FAILED), so a time-skipping test clock, a scaled benchmark
// clock and the wall clock all work the same way.
import { randomBytes } from 'node:crypto';

export type Era = 'legacy' | 'current';
export type SimClusterKind = 'tenant' | 'flex' | 'dedicated';
export type SimJobStatus = 'PENDING' | 'QUEUED' | 'RUNNING' | 'FAILED' | 'COMPLETED';

export interface SimCluster {
  groupId: string;
  name: string;
  /** In the `current` era every tenant cluster answers as Flex (the 2026-01-22 migration). */
  kind: SimClusterKind;
  /** M2, M5 (tenant), FLEX, or a dedicated size such as M10. */
  instanceSize: string;
  mongoDBVersion: string;
  encryptionAtRestProvider: 'NONE' | 'AWS' | 'AZURE' | 'GCP';
  paused: boolean;
  stateName: 'IDLE' | 'CREATING' | 'UPDATING' | 'DELETING' | 'REPAIRING';
  clusterType: 'REPLICASET' | 'SHARDED';
  /** Typical restore duration into this cluster (its data size), ms; overrides the world default. */
  restoreDurationMs?: number;
  /** Live import running into this cluster (Atlas refuses restores then). */
  liveImport?: boolean;
}

export interface SimSnapshot {
  id: string;
  groupId: string;
  clusterName: string;
  status: SimJobStatus;
  mongoDBVersion: string;
  scheduledTime: string;
  startTime: string;
  finishTime: string;
  expiration: string;
}

export interface SimJob {
  id: string;
  backend: 'tenant' | 'flex';
  groupId: string;
  sourceCluster: string;
  snapshotId: string;
  targetProjectId: string;
  targetCluster: string;
  createdAtMs: number;
  /** Time from creation to restoreFinishedDate; Infinity = never finishes. */
  durationMs: number;
  /** How the job ends when its time is up. */
  endsAs: 'COMPLETED' | 'FAILED';
  snapshotFinishedDate: string;
  mongoDBVersion: string;
}

/** Decides a new job's duration and ending; the benchmark plugs in its seeded distribution here. */
export type JobPlanner = (job: { targetProjectId: string; targetCluster: string; snapshotId: string; target?: SimCluster }) => {
  durationMs: number;
  endsAs?: 'COMPLETED' | 'FAILED';
};

export const objectId = (): string => randomBytes(12).toString('hex');
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export class World {
  readonly projects = new Set<string>();
  readonly clusters = new Map<string, SimCluster>();
  readonly snapshots = new Map<string, SimSnapshot>();
  readonly jobs = new Map<string, SimJob>();
  /** Default restore duration when neither the planner nor the target cluster says otherwise. */
  defaultRestoreMs = 30_000;
  planner?: JobPlanner;

  constructor(public era: Era = 'legacy') {}

  static key(groupId: string, name: string): string {
    return `${groupId}/${name}`;
  }

  addProject(groupId: string = objectId()): string {
    this.projects.add(groupId);
    return groupId;
  }

  addCluster(c: Partial<SimCluster> & { groupId: string; name: string }): SimCluster {
    this.projects.add(c.groupId);
    const kind = c.kind ?? 'tenant';
    const cluster: SimCluster = {
      kind,
      instanceSize: kind === 'tenant' ? 'M2' : kind === 'flex' ? 'FLEX' : 'M10',
      mongoDBVersion: '8.0.4',
      encryptionAtRestProvider: 'NONE',
      paused: false,
      stateName: 'IDLE',
      clusterType: 'REPLICASET',
      ...c,
    };
    this.clusters.set(World.key(c.groupId, c.name), cluster);
    return cluster;
  }

  cluster(groupId: string, name: string): SimCluster | undefined {
    return this.clusters.get(World.key(groupId, name));
  }

  /** How a cluster answers in the current era: a tenant cluster has been migrated to Flex. */
  effectiveKind(c: SimCluster): SimClusterKind {
    return this.era === 'current' && c.kind === 'tenant' ? 'flex' : c.kind;
  }

  addSnapshot(s: Partial<SimSnapshot> & { groupId: string; clusterName: string }, nowMs = Date.now()): SimSnapshot {
    const cluster = this.cluster(s.groupId, s.clusterName);
    const snap: SimSnapshot = {
      id: objectId(),
      status: 'COMPLETED',
      mongoDBVersion: cluster?.mongoDBVersion ?? '8.0.4',
      scheduledTime: iso(nowMs - 3_600_000),
      startTime: iso(nowMs - 3_590_000),
      finishTime: iso(nowMs - 3_500_000),
      expiration: iso(nowMs + 7 * 86_400_000),
      ...s,
    };
    this.snapshots.set(snap.id, snap);
    return snap;
  }

  snapshotsOf(groupId: string, clusterName: string): SimSnapshot[] {
    return [...this.snapshots.values()].filter((s) => s.groupId === groupId && s.clusterName === clusterName);
  }

  createJob(j: Omit<SimJob, 'id' | 'durationMs' | 'endsAs'>): SimJob {
    const target = this.cluster(j.targetProjectId, j.targetCluster);
    const plan = this.planner?.({ targetProjectId: j.targetProjectId, targetCluster: j.targetCluster, snapshotId: j.snapshotId, target });
    const job: SimJob = {
      ...j,
      id: objectId(),
      durationMs: plan?.durationMs ?? target?.restoreDurationMs ?? this.defaultRestoreMs,
      endsAs: plan?.endsAs ?? 'COMPLETED',
    };
    this.jobs.set(job.id, job);
    return job;
  }

  jobStatus(job: SimJob, nowMs: number): SimJobStatus {
    const age = nowMs - job.createdAtMs;
    if (age >= job.durationMs) return job.endsAs;
    // A short queue before the data moves, as Atlas shows it.
    if (age < Math.min(1_000, job.durationMs * 0.02)) return 'PENDING';
    if (age < Math.min(3_000, job.durationMs * 0.05)) return 'QUEUED';
    return 'RUNNING';
  }

  /** A job that has not reached COMPLETED or FAILED and targets this cluster. */
  activeJobOnTarget(targetProjectId: string, targetCluster: string, nowMs: number): SimJob | undefined {
    return [...this.jobs.values()].find(
      (j) => j.targetProjectId === targetProjectId && j.targetCluster === targetCluster && !['COMPLETED', 'FAILED'].includes(this.jobStatus(j, nowMs)),
    );
  }

  jobsOf(groupId: string, sourceCluster: string, backend: 'tenant' | 'flex'): SimJob[] {
    return [...this.jobs.values()].filter((j) => j.groupId === groupId && j.sourceCluster === sourceCluster && j.backend === backend);
  }

  /** Jobs that restored into a target, oldest first (the tests' and the benchmark's duplicate check). */
  jobsIntoTarget(targetProjectId: string, targetCluster: string): SimJob[] {
    return [...this.jobs.values()].filter((j) => j.targetProjectId === targetProjectId && j.targetCluster === targetCluster).sort((a, b) => a.createdAtMs - b.createdAtMs);
  }

  /** The job as the official TenantRestore / FlexBackupRestoreJob20241113 schema has it. */
  jobView(job: SimJob, nowMs: number, baseUrl: string): Record<string, unknown> {
    const status = this.jobStatus(job, nowMs);
    const common = {
      deliveryType: 'RESTORE',
      expirationDate: iso(job.createdAtMs + 2 * 86_400_000),
      id: job.id,
      links: [{ href: `${baseUrl}/api/atlas/v2/groups/${job.groupId}`, rel: 'self' }],
      projectId: job.groupId,
      restoreScheduledDate: iso(job.createdAtMs),
      snapshotFinishedDate: job.snapshotFinishedDate,
      snapshotId: job.snapshotId,
      status,
      targetDeploymentItemName: job.targetCluster,
      targetProjectId: job.targetProjectId,
      ...(status === 'COMPLETED' ? { restoreFinishedDate: iso(job.createdAtMs + job.durationMs) } : {}),
    };
    return job.backend === 'tenant' ? { clusterName: job.sourceCluster, ...common } : { instanceName: job.sourceCluster, ...common };
  }

  snapshotView(s: SimSnapshot, baseUrl: string): Record<string, unknown> {
    return {
      expiration: s.expiration,
      finishTime: s.finishTime,
      id: s.id,
      links: [{ href: `${baseUrl}/api/atlas/v2/groups/${s.groupId}`, rel: 'self' }],
      mongoDBVersion: s.mongoDBVersion,
      scheduledTime: s.scheduledTime,
      startTime: s.startTime,
      status: s.status,
    };
  }
}
