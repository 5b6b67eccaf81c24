// What each simulated operation does to the world, with the rules and error codes of the seed document and
// ../shared/atlas/README.md. Throws SimError for every ApiError answer.
import { OperationName } from '../atlas/operations';
import { canRestore, Role } from './auth';
import { clusterView, flexClusterView } from './views';
import { SimCluster, World } from './world';

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    readonly parameters: unknown[] = [],
  ) {
    super(`${status} ${errorCode}`);
  }
}

export interface HandlerContext {
  world: World;
  nowMs: number;
  baseUrl: string;
  role: Role;
  sunsetStatus: 410 | 404;
  query: URLSearchParams;
}

const OBJECT_ID = /^[a-f0-9]{24}$/;
const major = (v: string): string => v.split('.').slice(0, 2).join('.');

export function handle(op: OperationName, p: Record<string, string>, body: unknown, ctx: HandlerContext): unknown {
  const { world } = ctx;
  if (!OBJECT_ID.test(p.groupId)) throw new SimError(400, 'INVALID_GROUP_ID', `An invalid group ID ${p.groupId} was specified.`, [p.groupId]);
  if (!world.projects.has(p.groupId)) throw new SimError(404, 'GROUP_NOT_FOUND', `No group with ID ${p.groupId} exists.`, [p.groupId]);

  const tenantOp = op.includes('Tenant');
  if (tenantOp && world.era === 'current')
    throw ctx.sunsetStatus === 410
      ? new SimError(410, 'VERSION_GONE', 'This resource is marked for sunset and the sunset date is in the past.')
      : new SimError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${op}.`);

  const clusterName = p.clusterName ?? p.name;
  const cluster = world.cluster(p.groupId, clusterName);
  if (!cluster) throw new SimError(404, 'CLUSTER_NOT_FOUND', `No cluster named ${clusterName} exists in group ${p.groupId}.`, [clusterName, p.groupId]);
  const kind = world.effectiveKind(cluster);
  const shown = { ...cluster, stateName: world.activeJobOnTarget(cluster.groupId, cluster.name, ctx.nowMs) ? ('UPDATING' as const) : cluster.stateName };
  const id = objectIdFor(cluster);

  if (op === 'getCluster') {
    if (kind === 'flex') throw new SimError(400, 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API', `Cannot use the cluster API for Flex cluster ${clusterName}; use the Flex cluster API.`, [clusterName]);
    return clusterView(shown, ctx.baseUrl, id);
  }
  const flexOp = op.includes('Flex');
  if (flexOp && kind !== 'flex') throw new SimError(400, 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API', `Cannot use the Flex cluster API for non-Flex cluster ${clusterName}.`, [clusterName]);
  if (tenantOp && kind === 'dedicated') throw new SimError(400, 'INVALID_CLUSTER_TYPE', `Cluster ${clusterName} is not a shared-tier cluster.`, [clusterName]);
  const backend = flexOp ? 'flex' : 'tenant';

  switch (op) {
    case 'getFlexCluster':
      return flexClusterView(shown, ctx.baseUrl, id);
    case 'getTenantSnapshot':
    case 'getFlexSnapshot': {
      const s = world.snapshots.get(p.snapshotId);
      if (!s || s.groupId !== p.groupId || s.clusterName !== clusterName) throw snapshotNotFound(backend, p.snapshotId);
      return world.snapshotView(s, ctx.baseUrl);
    }
    case 'listTenantSnapshots':
    case 'listFlexSnapshots':
      return page(world.snapshotsOf(p.groupId, clusterName).map((s) => world.snapshotView(s, ctx.baseUrl)), ctx);
    case 'getTenantRestore':
    case 'getFlexRestoreJob': {
      const jobId = p.restoreId ?? p.restoreJobId;
      const j = world.jobs.get(jobId);
      if (!j || j.groupId !== p.groupId || j.sourceCluster !== clusterName || j.backend !== backend)
        throw new SimError(404, backend === 'tenant' ? 'TENANT_RESTORE_NOT_FOUND' : 'RESTORE_JOB_NOT_FOUND', `No restore job with ID ${jobId} exists.`, [jobId]);
      return world.jobView(j, ctx.nowMs, ctx.baseUrl);
    }
    case 'listTenantRestores':
    case 'listFlexRestoreJobs':
      return page(world.jobsOf(p.groupId, clusterName, backend).map((j) => world.jobView(j, ctx.nowMs, ctx.baseUrl)), ctx);
    case 'createTenantRestore':
    case 'createTenantRestoreV1':
    case 'createFlexRestoreJob':
      return createRestore(backend, p.groupId, cluster, body, ctx);
  }
  throw new SimError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${op}.`);
}

function createRestore(backend: 'tenant' | 'flex', groupId: string, source: SimCluster, body: unknown, ctx: HandlerContext): unknown {
  const { world, nowMs } = ctx;
  if (!canRestore(ctx.role)) throw new SimError(401, 'USER_UNAUTHORIZED', 'Current user is not authorized to perform this action.');
  const b = (body ?? {}) as Record<string, unknown>;
  for (const field of ['snapshotId', 'targetDeploymentItemName'])
    if (typeof b[field] !== 'string' || !b[field]) throw new SimError(400, 'MISSING_ATTRIBUTE', `The required attribute ${field} was not specified.`, [field]);
  const snapshotId = b.snapshotId as string;
  const targetName = b.targetDeploymentItemName as string;
  const targetProjectId = typeof b.targetProjectId === 'string' ? b.targetProjectId : groupId;
  if (!OBJECT_ID.test(snapshotId)) throw new SimError(400, 'INVALID_ATTRIBUTE', `Invalid attribute snapshotId specified.`, ['snapshotId']);
  if (!OBJECT_ID.test(targetProjectId)) throw new SimError(400, 'INVALID_ATTRIBUTE', `Invalid attribute targetProjectId specified.`, ['targetProjectId']);
  const snap = world.snapshots.get(snapshotId);
  if (!snap || snap.groupId !== groupId || snap.clusterName !== source.name) throw snapshotNotFound(backend, snapshotId);
  if (snap.status !== 'COMPLETED')
    throw new SimError(409, 'CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT', `Cannot start restore job for incomplete snapshot ${snapshotId}.`, [snapshotId]);
  if (!world.projects.has(targetProjectId)) throw new SimError(404, 'GROUP_NOT_FOUND', `No group with ID ${targetProjectId} exists.`, [targetProjectId]);
  const target = world.cluster(targetProjectId, targetName);
  if (!target) throw new SimError(404, 'CLUSTER_NOT_FOUND', `No cluster named ${targetName} exists in group ${targetProjectId}.`, [targetName, targetProjectId]);
  if (target.paused) throw new SimError(400, 'CLUSTER_PAUSED_CANNOT_RESTORE', `Cannot restore to paused cluster ${targetName}.`, [targetName]);
  if (target.encryptionAtRestProvider !== 'NONE')
    throw new SimError(400, 'TENANT_RESTORE_DESTINATION_ENCRYPTION', 'Snapshots of M2/M5 clusters cannot be restored to a cluster with Encryption at Rest enabled.');
  if (target.clusterType !== 'REPLICASET') throw new SimError(400, 'TENANT_RESTORE_INCOMPATIBLE_TOPOLOGY', 'Tenant backups cannot be restored into sharded clusters.');
  if (major(target.mongoDBVersion) !== major(snap.mongoDBVersion))
    throw new SimError(400, 'TENANT_RESTORE_VERSION_MISMATCH', `Snapshot MongoDB version ${major(snap.mongoDBVersion)} does not match target cluster version ${major(target.mongoDBVersion)}.`);
  if (target.liveImport) throw new SimError(400, 'CANNOT_PERFORM_RESTORE_ON_CLUSTER_WITH_RUNNING_LIVE_IMPORT', `Cluster ${targetName} has a live import running.`);
  if (world.activeJobOnTarget(targetProjectId, targetName, nowMs)) throw new SimError(409, 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS', 'Cluster restore already in progress.');
  if (target.stateName !== 'IDLE') throw new SimError(400, 'TENANT_RESTORE_DESTINATION_UNAVAILABLE', `Target cluster ${targetName} is currently unavailable; try again later.`);
  const job = world.createJob({
    backend,
    groupId,
    sourceCluster: source.name,
    snapshotId,
    targetProjectId,
    targetCluster: targetName,
    createdAtMs: nowMs,
    snapshotFinishedDate: snap.finishTime,
    mongoDBVersion: snap.mongoDBVersion,
  });
  return world.jobView(job, nowMs, ctx.baseUrl);
}

function snapshotNotFound(backend: 'tenant' | 'flex', id: string): SimError {
  return new SimError(404, backend === 'tenant' ? 'TENANT_SNAPSHOT_NOT_FOUND' : 'SNAPSHOT_NOT_FOUND', `No snapshot with ID ${id} exists.`, [id]);
}

/** Atlas pagination: pageNum (from 1), itemsPerPage (default 100, max 500), includeCount (default true). */
function page(items: unknown[], ctx: HandlerContext): unknown {
  const pageNum = Math.max(1, Number(ctx.query.get('pageNum') ?? 1) || 1);
  const per = Math.min(500, Math.max(1, Number(ctx.query.get('itemsPerPage') ?? 100) || 100));
  const includeCount = ctx.query.get('includeCount') !== 'false';
  const results = items.slice((pageNum - 1) * per, pageNum * per);
  return {
    links: [{ href: `${ctx.baseUrl}?pageNum=${pageNum}&itemsPerPage=${per}`, rel: 'self' }],
    results,
    ...(includeCount ? { totalCount: items.length } : {}),
  };
}

/** A stable 24-hex id per cluster. */
function objectIdFor(c: SimCluster): string {
  let h = 0x811c9dc5;
  for (const ch of `${c.groupId}/${c.name}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h.toString(16).padStart(8, '0') + c.groupId).slice(0, 24);
}
