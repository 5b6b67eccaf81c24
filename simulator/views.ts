// Cluster bodies as the official schemas have them: ClusterDescription20240805 and FlexClusterDescription20241113.
// Every body here is checked against the spec by test/simulator/contract.test.ts.
import type { SimCluster } from './world';
import { iso } from './world';

const major = (v: string): string => v.split('.').slice(0, 2).join('.');

/**
 * ClusterDescription20240805. A shared-tier cluster has one TENANT region config whose electableSpecs is a
 * TenantHardwareSpec20240805 (instanceSize M0/M2/M5, effectiveInstanceSize inside it, as Atlas reports it).
 */
export function clusterView(
  c: SimCluster,
  baseUrl: string,
  id: string,
  connectionStrings?: { standard: string },
): Record<string, unknown> {
  const tenant = c.kind === 'tenant';
  const regionConfig = tenant
    ? {
        backingProviderName: 'AWS',
        electableSpecs: { effectiveInstanceSize: c.instanceSize, instanceSize: c.instanceSize },
        priority: 7,
        providerName: 'TENANT',
        regionName: 'US_EAST_1',
      }
    : {
        electableSpecs: { instanceSize: c.instanceSize, nodeCount: 3 },
        priority: 7,
        providerName: 'AWS',
        regionName: 'US_EAST_1',
      };
  return {
    backupEnabled: true,
    clusterType: c.clusterType,
    ...(connectionStrings ? { connectionStrings } : {}),
    createDate: '2024-01-15T10:00:00Z',
    encryptionAtRestProvider: c.encryptionAtRestProvider,
    groupId: c.groupId,
    id,
    links: [{ href: `${baseUrl}/api/atlas/v2/groups/${c.groupId}/clusters/${c.name}`, rel: 'self' }],
    mongoDBMajorVersion: major(c.mongoDBVersion),
    mongoDBVersion: c.mongoDBVersion,
    name: c.name,
    paused: c.paused,
    replicationSpecs: [{ id, zoneName: 'Zone 1', regionConfigs: [regionConfig] }],
    stateName: c.stateName,
    terminationProtectionEnabled: false,
    versionReleaseSystem: 'LTS',
  };
}

/** FlexClusterDescription20241113; connectionStrings only when the cluster has a wire server (the data plane). */
export function flexClusterView(
  c: SimCluster,
  stateName: SimCluster['stateName'],
  baseUrl: string,
  id: string,
  connectionStrings?: { standard: string },
): Record<string, unknown> {
  return {
    backupSettings: { enabled: true },
    clusterType: 'REPLICASET',
    ...(connectionStrings ? { connectionStrings } : {}),
    createDate: c.createdAtMs !== undefined ? iso(c.createdAtMs) : '2024-01-15T10:00:00Z',
    groupId: c.groupId,
    id,
    links: [{ href: `${baseUrl}/api/atlas/v2/groups/${c.groupId}/flexClusters/${c.name}`, rel: 'self' }],
    mongoDBVersion: c.mongoDBVersion,
    name: c.name,
    providerSettings: {
      backingProviderName: c.backingProviderName ?? 'AWS',
      diskSizeGB: 5,
      providerName: 'FLEX',
      regionName: c.regionName ?? 'US_EAST_1',
    },
    stateName,
    ...(c.tags?.length ? { tags: c.tags } : {}),
    terminationProtectionEnabled: c.terminationProtectionEnabled ?? false,
    versionReleaseSystem: 'LTS',
  };
}
