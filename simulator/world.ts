// The simulator's model of Atlas: projects, clusters, snapshots and restore jobs. Job status is a pure function of
// the clock (PENDING → QUEUED → RUNNING → COMPLETED | FAILED), so a time-skipping test clock, a scaled benchmark
// clock and the wall clock all work the same way.
import { randomBytes } from 'node:crypto';
import type { PartialRestore, SimDataset } from './datasets';
import { seededRandom } from './faults';

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
  /** How restores into this cluster end (default COMPLETED); the planner, if any, decides first. */
  restoreOutcome?: 'COMPLETED' | 'FAILED';
  /**
   * Current era only: the Clusters API still describes this migrated M2/M5 as TENANT, while its backups answer only
   * through the Flex API. Exercises the client's fallback from a sunset tenant endpoint to Flex.
   */
  reportsAsTenant?: boolean;
  /** Faults of the data a completed restore leaves (needs the simulator's data plane): part of it missing. */
  partialRestore?: PartialRestore;
  /** After a restore completes, the cluster's wire server is unreachable for this long (wall ms). */
  answersAfterMs?: number;
  /** The cluster's IP access list does not list the caller: every connection is closed on connect. */
  accessListRefused?: boolean;
  /** Created through createFlexCluster: CREATING until createdAtMs + World.flexCreateMs, then IDLE. */
  createdAtMs?: number;
  /** deleteFlexCluster accepted: DELETING until + World.flexDeleteMs, then gone (404). */
  deleteRequestedAtMs?: number;
  terminationProtectionEnabled?: boolean;
  tags?: { key: string; value: string }[];
  backingProviderName?: 'AWS' | 'AZURE' | 'GCP';
  regionName?: string;
}

/** A database user of the Admin API (CloudDatabaseUser); the password lives only in the simulator's memory. */
export interface SimDbUser {
  groupId: string;
  databaseName: 'admin';
  username: string;
  password: string;
  roles: { roleName: string; databaseName: string; collectionName?: string }[];
  scopes?: { name: string; type: 'CLUSTER' | 'DATA_LAKE' | 'STREAM' }[];
  deleteAfterDate?: string;
  description?: string;
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
  /** What a restore of it writes to the target (default: datasetFor(id), deterministic). */
  dataset?: SimDataset;
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
  /** The data plane wrote the snapshot's dataset to the target (once, when the job completed). */
  dataApplied?: boolean;
}

/** Decides a new job's duration and ending; the benchmark plugs in its seeded distribution here. */
export type JobPlanner = (job: {
  targetProjectId: string;
  targetCluster: string;
  snapshotId: string;
  target?: SimCluster;
}) => {
  durationMs: number;
  endsAs?: 'COMPLETED' | 'FAILED';
};

export const objectId = (): string => randomBytes(12).toString('hex');
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Cluster and instance names as the Flex schemas allow them (`instanceName`, `name`). */
export const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9-]*$/;
export const OBJECT_ID = /^[a-f0-9]{24}$/;

/** How long a job shows PENDING and then QUEUED before RUNNING (each capped to a small share of its duration). */
export interface RestorePhases {
  pendingMs: number;
  queuedMs: number;
}

export class World {
  readonly projects = new Set<string>();
  readonly clusters = new Map<string, SimCluster>();
  readonly snapshots = new Map<string, SimSnapshot>();
  readonly jobs = new Map<string, SimJob>();
  /** Database users by `groupId/username` (databaseName is always admin for SCRAM users). */
  readonly dbUsers = new Map<string, SimDbUser>();
  /** How long a created Flex cluster shows CREATING, and a deleted one DELETING before it is gone. */
  flexCreateMs = 5_000;
  flexDeleteMs = 3_000;
  /** Clusters per project ("Each project supports up to 25 database deployments"). */
  maxClustersPerProject = 25;
  /** Default restore duration when neither the planner nor the target cluster says otherwise. */
  defaultRestoreMs = 30_000;
  phases: RestorePhases = { pendingMs: 1_000, queuedMs: 2_000 };
  planner?: JobPlanner;
  readonly #random?: () => number;

  /** With a seed, new ids are reproducible (a scenario replays with the same ids). */
  constructor(
    public era: Era = 'legacy',
    seed?: number,
  ) {
    if (seed !== undefined) this.#random = seededRandom(seed ^ 0x5eed);
  }

  newId(): string {
    const r = this.#random;
    if (!r) return objectId();
    let id = '';
    while (id.length < 24)
      id += Math.floor(r() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return id;
  }

  static key(groupId: string, name: string): string {
    return `${groupId}/${name}`;
  }

  addProject(groupId: string = this.newId()): string {
    this.projects.add(groupId);
    return groupId;
  }

  addCluster(c: Partial<SimCluster> & { groupId: string; name: string }): SimCluster {
    if (!OBJECT_ID.test(c.groupId)) throw new Error(`project id ${c.groupId} is not a 24-hex-digit id`);
    if (!CLUSTER_NAME.test(c.name)) throw new Error(`cluster name ${c.name} must match ${CLUSTER_NAME.source}`);
    this.projects.add(c.groupId);
    const kind = c.kind ?? 'tenant';
    // An explicit `undefined` (e.g. an optional scenario field) must not erase a default.
    const given = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as typeof c;
    const cluster: SimCluster = {
      kind,
      instanceSize: kind === 'tenant' ? 'M2' : kind === 'flex' ? 'FLEX' : 'M10',
      mongoDBVersion: '8.0.4',
      encryptionAtRestProvider: 'NONE',
      paused: false,
      stateName: 'IDLE',
      clusterType: 'REPLICASET',
      ...given,
    };
    this.clusters.set(World.key(c.groupId, c.name), cluster);
    return cluster;
  }

  cluster(groupId: string, name: string): SimCluster | undefined {
    return this.clusters.get(World.key(groupId, name));
  }

  /** stateName as the clock has it: CREATING → IDLE after a create, DELETING after a delete. */
  stateOf(c: SimCluster, nowMs: number): SimCluster['stateName'] {
    if (c.deleteRequestedAtMs !== undefined) return 'DELETING';
    if (c.createdAtMs !== undefined && nowMs < c.createdAtMs + this.flexCreateMs) return 'CREATING';
    return c.stateName;
  }

  /** Removes clusters whose deletion has finished (they answer 404 from then on). */
  prune(nowMs: number): void {
    for (const [k, c] of this.clusters)
      if (c.deleteRequestedAtMs !== undefined && nowMs >= c.deleteRequestedAtMs + this.flexDeleteMs)
        this.clusters.delete(k);
  }

  /** The clusters a user can reach: its CLUSTER scopes, or every cluster of its project when it has none. */
  clustersOf(u: SimDbUser): SimCluster[] {
    const inProject = [...this.clusters.values()].filter((c) => c.groupId === u.groupId);
    if (!u.scopes?.length) return inProject;
    const names = new Set(u.scopes.filter((s) => s.type === 'CLUSTER').map((s) => s.name));
    return inProject.filter((c) => names.has(c.name));
  }

  dbUsersFor(c: SimCluster): SimDbUser[] {
    return [...this.dbUsers.values()].filter((u) => this.clustersOf(u).includes(c));
  }

  /** Removes and returns the users whose deleteAfterDate has passed (Atlas deletes them itself). */
  expireDbUsers(nowMs: number): SimDbUser[] {
    const gone = [...this.dbUsers.entries()].filter(
      ([, u]) => u.deleteAfterDate !== undefined && Date.parse(u.deleteAfterDate) <= nowMs,
    );
    for (const [k] of gone) this.dbUsers.delete(k);
    return gone.map(([, u]) => u);
  }

  /** How a cluster answers in the current era: a tenant cluster has been migrated to Flex. */
  effectiveKind(c: SimCluster): SimClusterKind {
    return this.era === 'current' && c.kind === 'tenant' ? 'flex' : c.kind;
  }

  addSnapshot(s: Partial<SimSnapshot> & { groupId: string; clusterName: string }, nowMs = Date.now()): SimSnapshot {
    if (s.id !== undefined && !OBJECT_ID.test(s.id)) throw new Error(`snapshot id ${s.id} is not a 24-hex-digit id`);
    const cluster = this.cluster(s.groupId, s.clusterName);
    const snap: SimSnapshot = {
      id: this.newId(),
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
    const plan = this.planner?.({
      targetProjectId: j.targetProjectId,
      targetCluster: j.targetCluster,
      snapshotId: j.snapshotId,
      target,
    });
    const job: SimJob = {
      ...j,
      id: this.newId(),
      durationMs: plan?.durationMs ?? target?.restoreDurationMs ?? this.defaultRestoreMs,
      endsAs: plan?.endsAs ?? target?.restoreOutcome ?? 'COMPLETED',
    };
    this.jobs.set(job.id, job);
    return job;
  }

  jobStatus(job: SimJob, nowMs: number): SimJobStatus {
    const age = nowMs - job.createdAtMs;
    if (age >= job.durationMs) return job.endsAs;
    // A short queue before the data moves, as Atlas shows it; never more than a few percent of the job.
    const pending = Math.min(this.phases.pendingMs, job.durationMs * 0.02);
    const queued = pending + Math.min(this.phases.queuedMs, job.durationMs * 0.03);
    if (age < pending) return 'PENDING';
    if (age < queued) return 'QUEUED';
    return 'RUNNING';
  }

  /** A job that has not reached COMPLETED or FAILED and targets this cluster. */
  activeJobOnTarget(targetProjectId: string, targetCluster: string, nowMs: number): SimJob | undefined {
    return [...this.jobs.values()].find(
      (j) =>
        j.targetProjectId === targetProjectId &&
        j.targetCluster === targetCluster &&
        !['COMPLETED', 'FAILED'].includes(this.jobStatus(j, nowMs)),
    );
  }

  jobsOf(groupId: string, sourceCluster: string, backend: 'tenant' | 'flex'): SimJob[] {
    return [...this.jobs.values()].filter(
      (j) => j.groupId === groupId && j.sourceCluster === sourceCluster && j.backend === backend,
    );
  }

  /** Jobs that restored into a target, oldest first (the tests' and the benchmark's duplicate check). */
  jobsIntoTarget(targetProjectId: string, targetCluster: string): SimJob[] {
    return [...this.jobs.values()]
      .filter((j) => j.targetProjectId === targetProjectId && j.targetCluster === targetCluster)
      .sort((a, b) => a.createdAtMs - b.createdAtMs);
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
      // Set only on success: the orchestrator reads it as the restore's finish time.
      ...(status === 'COMPLETED' ? { restoreFinishedDate: iso(job.createdAtMs + job.durationMs) } : {}),
    };
    return job.backend === 'tenant'
      ? { clusterName: job.sourceCluster, ...common }
      : { instanceName: job.sourceCluster, ...common };
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
