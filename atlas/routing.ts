// Which API serves a cluster: tenant (M2/M5, until the 2026-01-22 sunset) or Flex. Decided the way Atlas's own tools
// do (the Atlas CLI's backup restore commands): ask the Flex API first, since after the 2026-01-22 migration every
// shared-tier cluster is Flex and one read settles it; CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API means it is not, so
// ask the Clusters API (and CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API from there is handled too). A cluster the Clusters
// API calls M2/M5 is then probed with a tenant read, because after the sunset its backups answer only through Flex.
import type { Backend } from '../common/types';
import type { AtlasClient } from './client';
import { FAILURE } from '../common/failure-types';
import { AtlasApiError, AtlasRoutingError, ROUTING_PROBLEMS } from './errors';
import type { Cluster, FlexCluster } from './schemas';

export type ClusterKind = 'tenant' | 'flex' | 'dedicated';

/** What preflight needs to know about a cluster, the same for every kind. */
export interface ClusterView {
  name: string;
  kind: ClusterKind;
  stateName: string;
  paused: boolean;
  /** e.g. "8.0" */
  mongoDBMajorVersion: string;
  encryptionAtRestProvider: string;
  sharded: boolean;
  /** Instance size as Atlas reports it (M2, M5, FLEX, M10, ...), for the record. */
  instanceSize?: string;
  /** Which API described it: evidence for the record. */
  describedBy?: 'clusters-api' | 'flex-api';
}

export type RequestedBackend = 'auto' | Backend;

export interface ResolvedBackend {
  backend: Backend;
  source: ClusterView;
  /** One sentence saying what Atlas answered that decided it. */
  evidence: string;
}

export const majorOf = (version: string | undefined): string => (version ?? '').split('.').slice(0, 2).join('.');

export async function describeCluster(atlas: AtlasClient, groupId: string, name: string): Promise<ClusterView> {
  try {
    return fromFlex(name, await atlas.getFlexCluster(groupId, name));
  } catch (e) {
    if (!(e instanceof AtlasApiError && e.errorCode === 'CANNOT_USE_NON_FLEX_CLUSTER_IN_FLEX_API')) throw e;
  }
  try {
    return fromCluster(name, await atlas.getCluster(groupId, name));
  } catch (e) {
    // Not Flex a moment ago, Flex now: migrated in between.
    if (e instanceof AtlasApiError && e.errorCode === 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API')
      return fromFlex(name, await atlas.getFlexCluster(groupId, name));
    throw e;
  }
}

const isRouting = (e: unknown): e is AtlasApiError => e instanceof AtlasApiError && e.failureType === FAILURE.routing;
const answer = (e: AtlasApiError): string => `HTTP ${e.status} ${e.errorCode}`;

/**
 * Picks the restore API for a source cluster.
 * - auto: a Flex cluster uses Flex; an M2/M5 uses tenant if a tenant read (list snapshots) works, else (the endpoint
 *   is sunset) Flex;
 * - tenant / flex: used as asked, after one read proves Atlas serves the cluster that way; if it does not, an
 *   AtlasRoutingError (class 'routing') says so and names the way that would work;
 * - a dedicated source is an AtlasRoutingError of class 'fatal': this tool restores only shared-tier and Flex sources.
 * Other Atlas errors (retryable, fatal) are thrown as they are.
 */
export async function resolveBackend(
  atlas: AtlasClient,
  groupId: string,
  sourceCluster: string,
  requested: RequestedBackend = 'auto',
): Promise<ResolvedBackend> {
  const source = await describeCluster(atlas, groupId, sourceCluster);
  const who = `source cluster ${sourceCluster} (project ${groupId})`;
  if (source.kind === 'dedicated')
    throw new AtlasRoutingError(
      ROUTING_PROBLEMS.UNSUPPORTED_SOURCE,
      `${who} is a dedicated ${source.instanceSize ?? ''} cluster; this tool restores only from shared-tier (M2/M5) or Flex sources`.replace(
        '  ',
        ' ',
      ),
    );
  const seen =
    source.describedBy === 'flex-api'
      ? 'the Flex API describes it'
      : `the Clusters API describes it as ${source.kind === 'flex' ? 'a migrated (effective size FLEX)' : `an ${source.instanceSize ?? 'M2/M5'}`} shared-tier cluster`;

  if (requested === 'flex' || (requested === 'auto' && source.kind === 'flex')) {
    if (source.kind === 'flex')
      return { backend: 'flex', source, evidence: `${seen}${requested === 'flex' ? '; Flex was requested' : ''}` };
    try {
      const flex = fromFlex(sourceCluster, await atlas.getFlexCluster(groupId, sourceCluster));
      return { backend: 'flex', source: flex, evidence: `${seen}; Flex was requested and the Flex API serves it` };
    } catch (e) {
      if (!isRouting(e)) throw e;
      throw new AtlasRoutingError(
        ROUTING_PROBLEMS.NOT_A_FLEX_CLUSTER,
        `${who}: the Flex API does not serve it (${answer(e)}); use backend 'tenant' or 'auto'`,
        e,
      );
    }
  }

  try {
    const snapshots = await atlas.listSnapshots('tenant', groupId, sourceCluster);
    return {
      backend: 'tenant',
      source,
      evidence: `${seen}; the tenant backup API answered (${snapshots.length} snapshots)`,
    };
  } catch (e) {
    if (!isRouting(e)) throw e;
    if (requested === 'tenant')
      throw new AtlasRoutingError(
        ROUTING_PROBLEMS.TENANT_API_SUNSET,
        `${who}: the tenant (M2/M5) backup API is not available (${answer(e)}); Atlas retired it on 2026-01-22 and moved M2/M5 clusters to Flex - use backend 'flex' or 'auto'`,
        e,
      );
    const flex = fromFlex(sourceCluster, await atlas.getFlexCluster(groupId, sourceCluster));
    return {
      backend: 'flex',
      source: flex,
      evidence: `${seen}, but its tenant backup API answered ${answer(e)} (sunset); the Flex API serves it`,
    };
  }
}

function fromCluster(name: string, c: Cluster): ClusterView {
  const regions = (c.replicationSpecs ?? []).flatMap((s) => s.regionConfigs ?? []);
  const tenantRegion = regions.find((r) => r.providerName === 'TENANT');
  const specs = tenantRegion?.electableSpecs;
  const size = specs?.effectiveInstanceSize ?? specs?.instanceSize ?? regions[0]?.electableSpecs?.instanceSize;
  // A migrated M2/M5 can still answer the Clusters API, with effectiveInstanceSize FLEX.
  const kind: ClusterKind = !tenantRegion ? 'dedicated' : size === 'FLEX' ? 'flex' : 'tenant';
  return {
    name: c.name ?? name,
    kind,
    stateName: c.stateName ?? 'UNKNOWN',
    paused: c.paused ?? false,
    mongoDBMajorVersion: c.mongoDBMajorVersion ?? majorOf(c.mongoDBVersion),
    encryptionAtRestProvider: c.encryptionAtRestProvider ?? 'NONE',
    sharded: c.clusterType === 'SHARDED' || c.clusterType === 'GEOSHARDED',
    instanceSize: size,
    describedBy: 'clusters-api',
  };
}

function fromFlex(name: string, c: FlexCluster): ClusterView {
  return {
    name: c.name ?? name,
    kind: 'flex',
    stateName: c.stateName ?? 'UNKNOWN',
    // Flex clusters cannot be paused and have no encryption at rest of their own.
    paused: false,
    mongoDBMajorVersion: majorOf(c.mongoDBVersion),
    encryptionAtRestProvider: 'NONE',
    sharded: false,
    instanceSize: 'FLEX',
    describedBy: 'flex-api',
  };
}
