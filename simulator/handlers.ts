// What each simulated operation does to the world, with the rules and error codes of the seed document and
// atlas/spec/README.md. Throws SimError for every ApiError answer.
import type { OperationName } from '../atlas/operations';
import type { Role } from './auth';
import { canRestore } from './auth';
import type { DataPlane } from './data-plane';
import { createDbUser, deleteDbUser, getDbUser } from './db-users';
import { createFlex, deleteFlex } from './flex-clusters';
import { clusterView, flexClusterView } from './views';
import type { SimCluster, World } from './world';
import { OBJECT_ID } from './world';

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly detail: string,
    /** badRequestDetail.fields of the ApiError body. */
    readonly fields?: { field: string; description: string }[],
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
  /** Request path and query, for pagination links. */
  path: string;
  query: URLSearchParams;
  /** The clusters' wire servers, when the simulator runs with data (connection strings, users, restored data). */
  data?: DataPlane;
}

/** targetDeploymentItemName in the spec; needs the `u` flag. */
const DEPLOYMENT_ITEM_NAME = /^[\p{L}\p{N}\-_.(),:&@+']{1,64}$/u;
const major = (v: string): string => v.split('.').slice(0, 2).join('.');
const invalid = (field: string, description: string): SimError =>
  new SimError(400, 'INVALID_ATTRIBUTE', `Invalid attribute ${field} specified.`, [{ field, description }]);

export async function handle(
  op: OperationName,
  p: Record<string, string>,
  body: unknown,
  ctx: HandlerContext,
): Promise<unknown> {
  const { world } = ctx;
  if (!OBJECT_ID.test(p.groupId))
    throw new SimError(400, 'INVALID_GROUP_ID', `An invalid group ID ${p.groupId} was specified.`);
  if (!world.projects.has(p.groupId))
    throw new SimError(404, 'GROUP_NOT_FOUND', `No group with ID ${p.groupId} exists.`);

  // Project-level operations of the drill subset: no cluster in the path.
  switch (op) {
    case 'createDatabaseUser':
      return createDbUser(p.groupId, body, ctx);
    case 'getDatabaseUser':
      return getDbUser(p, ctx);
    case 'deleteDatabaseUser':
      return deleteDbUser(p, ctx);
    case 'createFlexCluster': {
      const c = createFlex(p.groupId, body, ctx);
      return flexClusterView(c, world.stateOf(c, ctx.nowMs), ctx.baseUrl, objectIdFor(c));
    }
    case 'listFlexClusters':
      return page(
        [...world.clusters.values()]
          .filter((c) => c.groupId === p.groupId && world.effectiveKind(c) === 'flex')
          .map((c) => flexClusterView(c, shownState(c, ctx), ctx.baseUrl, objectIdFor(c), ctx.data?.peek(c))),
        ctx,
      );
  }

  const tenantOp = op.includes('Tenant');
  if (tenantOp && world.era === 'current')
    throw ctx.sunsetStatus === 410
      ? new SimError(410, 'VERSION_GONE', 'This resource is marked for sunset and the sunset date is in the past.')
      : new SimError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${op}.`);

  const clusterName = p.clusterName ?? p.name;
  const cluster = world.cluster(p.groupId, clusterName);
  if (!cluster)
    throw new SimError(404, 'CLUSTER_NOT_FOUND', `No cluster named ${clusterName} exists in group ${p.groupId}.`);
  const kind = world.effectiveKind(cluster);
  const state = shownState(cluster, ctx);
  const id = objectIdFor(cluster);
  // A cluster that is up has a wire server when the simulator runs with data.
  const strings = (): Promise<{ standard: string } | undefined> =>
    ctx.data && state !== 'CREATING' && state !== 'DELETING'
      ? ctx.data.connectionStrings(world, cluster)
      : Promise.resolve(undefined);

  if (op === 'getCluster') {
    // A migrated cluster flagged reportsAsTenant still looks like an M2/M5 here (its tenant backup API is gone).
    if (kind === 'flex' && !(cluster.kind === 'tenant' && cluster.reportsAsTenant))
      throw new SimError(
        400,
        'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API',
        `Flex cluster ${clusterName} cannot be used in the Cluster API.`,
      );
    return clusterView({ ...cluster, stateName: state }, ctx.baseUrl, id, await strings());
  }
  const flexOp = op.includes('Flex');
  if (flexOp && kind !== 'flex')
    throw new SimError(
      400,
      'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API',
      `Cluster ${clusterName} is not a Flex cluster; use the Cluster API.`,
    );
  // Before the sunset the tenant endpoints also served Flex clusters (spec: "...until January 22, 2026").
  if (tenantOp && kind === 'dedicated')
    throw new SimError(400, 'INVALID_CLUSTER_TYPE', `Cluster ${clusterName} is not a shared-tier cluster.`);
  const backend = flexOp ? 'flex' : 'tenant';

  switch (op) {
    case 'getFlexCluster':
      return flexClusterView(cluster, state, ctx.baseUrl, id, await strings());
    case 'deleteFlexCluster':
      return deleteFlex(cluster, ctx);
    case 'getTenantSnapshot':
    case 'getFlexSnapshot': {
      const s = world.snapshots.get(p.snapshotId);
      if (!s || s.groupId !== p.groupId || s.clusterName !== clusterName) throw snapshotNotFound(backend, p.snapshotId);
      return world.snapshotView(s, ctx.baseUrl);
    }
    case 'listTenantSnapshots':
    case 'listFlexSnapshots':
      return page(
        world.snapshotsOf(p.groupId, clusterName).map((s) => world.snapshotView(s, ctx.baseUrl)),
        ctx,
      );
    case 'getTenantRestore':
    case 'getFlexRestoreJob': {
      const jobId = p.restoreId ?? p.restoreJobId;
      const j = world.jobs.get(jobId);
      if (!j || j.groupId !== p.groupId || j.sourceCluster !== clusterName || j.backend !== backend)
        throw new SimError(
          404,
          backend === 'tenant' ? 'TENANT_RESTORE_NOT_FOUND' : 'RESTORE_JOB_NOT_FOUND',
          `No restore job with ID ${jobId} exists.`,
        );
      return world.jobView(j, ctx.nowMs, ctx.baseUrl);
    }
    case 'listTenantRestores':
    case 'listFlexRestoreJobs':
      return page(
        world.jobsOf(p.groupId, clusterName, backend).map((j) => world.jobView(j, ctx.nowMs, ctx.baseUrl)),
        ctx,
      );
    case 'createTenantRestore':
    case 'createTenantRestoreV1':
    case 'createFlexRestoreJob':
      return createRestore(backend, p.groupId, cluster, body, ctx);
  }
  throw new SimError(404, 'RESOURCE_NOT_FOUND', `Cannot find resource ${op}.`);
}

/** The seed document's rules, in the order Atlas reports them: request, snapshot, target, then running restores. */
function createRestore(
  backend: 'tenant' | 'flex',
  groupId: string,
  source: SimCluster,
  body: unknown,
  ctx: HandlerContext,
): unknown {
  const { world, nowMs } = ctx;
  if (!canRestore(ctx.role))
    throw new SimError(401, 'USER_UNAUTHORIZED', 'Current user is not authorized to perform this action.');
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new SimError(400, 'INVALID_JSON', 'The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  for (const field of ['snapshotId', 'targetDeploymentItemName'])
    if (typeof b[field] !== 'string' || !b[field])
      throw new SimError(400, 'MISSING_ATTRIBUTE', `The required attribute ${field} was not specified.`, [
        { field, description: 'is required' },
      ]);
  const snapshotId = b.snapshotId as string;
  const targetName = b.targetDeploymentItemName as string;
  const targetProjectId = typeof b.targetProjectId === 'string' ? b.targetProjectId : groupId;
  if (!OBJECT_ID.test(snapshotId)) throw invalid('snapshotId', 'must be a 24-hexadecimal-digit id');
  if (!DEPLOYMENT_ITEM_NAME.test(targetName))
    throw invalid('targetDeploymentItemName', "must be 1-64 letters, digits or -_.(),:&@+'");
  if (!OBJECT_ID.test(targetProjectId)) throw invalid('targetProjectId', 'must be a 24-hexadecimal-digit id');

  const snap = world.snapshots.get(snapshotId);
  if (!snap || snap.groupId !== groupId || snap.clusterName !== source.name)
    throw snapshotNotFound(backend, snapshotId);
  if (snap.status !== 'COMPLETED')
    throw new SimError(
      409,
      'CANNOT_START_RESTORE_JOB_FOR_INCOMPLETE_CLUSTER_SNAPSHOT',
      `Cannot start restore job for incomplete snapshot ${snapshotId}.`,
    );
  if (!world.projects.has(targetProjectId))
    throw new SimError(404, 'GROUP_NOT_FOUND', `No group with ID ${targetProjectId} exists.`);
  const target = world.cluster(targetProjectId, targetName);
  if (!target)
    throw new SimError(404, 'CLUSTER_NOT_FOUND', `No cluster named ${targetName} exists in group ${targetProjectId}.`);
  if (target.paused)
    throw new SimError(400, 'CLUSTER_PAUSED_CANNOT_RESTORE', `Cannot restore to paused cluster ${targetName}.`);
  if (target.encryptionAtRestProvider !== 'NONE')
    throw new SimError(
      400,
      'TENANT_RESTORE_DESTINATION_ENCRYPTION',
      'Snapshots of M2/M5 clusters cannot be restored to a cluster with Encryption at Rest enabled.',
    );
  if (target.clusterType !== 'REPLICASET')
    throw new SimError(
      400,
      'TENANT_RESTORE_INCOMPATIBLE_TOPOLOGY',
      'Tenant backups cannot be restored into sharded clusters.',
    );
  if (major(target.mongoDBVersion) !== major(snap.mongoDBVersion))
    throw new SimError(
      400,
      'TENANT_RESTORE_VERSION_MISMATCH',
      `Snapshot MongoDB version ${major(snap.mongoDBVersion)} does not match target cluster version ${major(target.mongoDBVersion)}.`,
    );
  if (target.liveImport)
    throw new SimError(
      400,
      'CANNOT_PERFORM_RESTORE_ON_CLUSTER_WITH_RUNNING_LIVE_IMPORT',
      `Cluster ${targetName} has a live import running.`,
    );
  if (world.activeJobOnTarget(targetProjectId, targetName, nowMs))
    throw new SimError(409, 'ATLAS_CLUSTER_RESTORE_IN_PROGRESS', 'Cluster restore already in progress.');
  if (world.stateOf(target, nowMs) !== 'IDLE')
    throw new SimError(
      400,
      'TENANT_RESTORE_DESTINATION_UNAVAILABLE',
      `Target cluster ${targetName} is currently unavailable; try again later.`,
    );
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
  return new SimError(
    404,
    backend === 'tenant' ? 'TENANT_SNAPSHOT_NOT_FOUND' : 'SNAPSHOT_NOT_FOUND',
    `No snapshot with ID ${id} exists.`,
  );
}

/** Atlas pagination: pageNum (from 1), itemsPerPage (default 100, max 500), includeCount (default true). */
function page(items: unknown[], ctx: HandlerContext): unknown {
  const num = (name: string, dflt: number, max: number): number => {
    const raw = ctx.query.get(name);
    if (raw === null) return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw invalid(name, `must be an integer from 1 to ${max}`);
    return n;
  };
  const pageNum = num('pageNum', 1, 1_000_000);
  const per = num('itemsPerPage', 100, 500);
  const includeCount = ctx.query.get('includeCount') !== 'false';
  const results = items.slice((pageNum - 1) * per, pageNum * per);
  return {
    links: [{ href: `${ctx.baseUrl}${ctx.path}?pageNum=${pageNum}&itemsPerPage=${per}`, rel: 'self' }],
    results,
    ...(includeCount ? { totalCount: items.length } : {}),
  };
}

/** stateName as Atlas shows it: UPDATING while a restore runs into it, else the lifecycle's state. */
function shownState(c: SimCluster, ctx: HandlerContext): SimCluster['stateName'] {
  const state = ctx.world.stateOf(c, ctx.nowMs);
  if (state === 'CREATING' || state === 'DELETING') return state;
  return ctx.world.activeJobOnTarget(c.groupId, c.name, ctx.nowMs) ? 'UPDATING' : state;
}

/** A stable 24-hex id per cluster. */
function objectIdFor(c: SimCluster): string {
  let h = 0x811c9dc5;
  for (const ch of `${c.groupId}/${c.name}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return (h.toString(16).padStart(8, '0') + c.groupId).slice(0, 24);
}
