// Cluster bodies as the official schemas have them: ClusterDescription20240805 and FlexClusterDescription20241113.
import { SimCluster } from './world';

export function clusterView(c: SimCluster, baseUrl: string, id: string): Record<string, unknown> {
  const tenant = c.kind === 'tenant';
  const regionConfig = tenant
    ? { providerName: 'TENANT', backingProviderName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: c.instanceSize }, effectiveInstanceSize: c.instanceSize }
    : { providerName: 'AWS', regionName: 'US_EAST_1', priority: 7, electableSpecs: { instanceSize: c.instanceSize, nodeCount: 3 } };
  return {
    clusterType: c.clusterType,
    createDate: '2024-01-15T10:00:00Z',
    encryptionAtRestProvider: c.encryptionAtRestProvider,
    groupId: c.groupId,
    id,
    links: [{ href: `${baseUrl}/api/atlas/v2/groups/${c.groupId}/clusters/${c.name}`, rel: 'self' }],
    mongoDBMajorVersion: c.mongoDBVersion.split('.').slice(0, 2).join('.'),
    mongoDBVersion: c.mongoDBVersion,
    name: c.name,
    paused: c.paused,
    replicationSpecs: [{ id, zoneName: 'Zone 1', regionConfigs: [regionConfig] }],
    stateName: c.stateName,
  };
}

export function flexClusterView(c: SimCluster, baseUrl: string, id: string): Record<string, unknown> {
  return {
    backupSettings: { enabled: true },
    clusterType: 'REPLICASET',
    createDate: '2024-01-15T10:00:00Z',
    groupId: c.groupId,
    id,
    links: [{ href: `${baseUrl}/api/atlas/v2/groups/${c.groupId}/flexClusters/${c.name}`, rel: 'self' }],
    mongoDBVersion: c.mongoDBVersion,
    name: c.name,
    providerSettings: { backingProviderName: 'AWS', diskSizeGB: 5, providerName: 'FLEX', regionName: 'US_EAST_1' },
    stateName: c.stateName,
    terminationProtectionEnabled: false,
    versionReleaseSystem: 'LTS',
  };
}
