// Which API serves a cluster: tenant (M2/M5, until the 2026-01-22 sunset) or Flex. Decided the way Atlas's own tools
// do (mongodb-atlas-cli, terraform provider): ask the Clusters API first; CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API
// means the cluster is a Flex cluster, so ask the Flex API.
import { AtlasClient, Backend } from './client';
import { AtlasApiError } from './errors';
import { Cluster, FlexCluster } from './schemas';

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
}

export const majorOf = (version: string | undefined): string => (version ?? '').split('.').slice(0, 2).join('.');

export async function describeCluster(atlas: AtlasClient, groupId: string, name: string): Promise<ClusterView> {
  try {
    return fromCluster(name, await atlas.getCluster(groupId, name));
  } catch (e) {
    if (e instanceof AtlasApiError && e.errorCode === 'CANNOT_USE_FLEX_CLUSTER_IN_CLUSTER_API') {
      return fromFlex(name, await atlas.getFlexCluster(groupId, name));
    }
    throw e;
  }
}

/** The restore API for a source cluster of this kind; a dedicated source is not ours to restore from. */
export function backendFor(kind: ClusterKind): Backend | undefined {
  return kind === 'dedicated' ? undefined : kind;
}

function fromCluster(name: string, c: Cluster): ClusterView {
  const regions = (c.replicationSpecs ?? []).flatMap((s) => s.regionConfigs ?? []);
  const tenantRegion = regions.find((r) => r.providerName === 'TENANT');
  const size = tenantRegion?.effectiveInstanceSize ?? tenantRegion?.electableSpecs?.instanceSize ?? regions[0]?.electableSpecs?.instanceSize;
  // A migrated M2/M5 can still answer the Clusters API with effectiveInstanceSize FLEX.
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
  };
}
