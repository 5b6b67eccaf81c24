// Every Atlas Admin API operation we call, in one table: method, path template and the exact versioned media type.
// The client sends these; the simulator routes by the same table; the contract tests check both against the spec
// (atlas/spec). Versions per atlas/spec/README.md: tenant 2023-01-01, flex 2024-11-13, cluster 2024-08-05;
// the drill subset's database users 2023-01-01 and Flex cluster create/list/delete 2024-11-13.

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface Operation {
  /** operationId in the official spec (current name), or our own name for the undocumented v1.0 path. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template with {param} placeholders. */
  readonly path: string;
  /** Value for Accept (and Content-Type on POST). */
  readonly mediaType: string;
  /** True when the response is a paginated list ({ results, totalCount, links }). */
  readonly paginated?: boolean;
  /** The success status when it is not 200 (the drill subset's creates answer 201, its deletes 204 with no body). */
  readonly success?: 201 | 204;
  /** The official file that has it, when not the restore subset / Flex spec: the verify step's and drills' calls. */
  readonly spec?: 'drill';
}

const v = (date: string): string => `application/vnd.atlas.${date}+json`;
const TENANT = v('2023-01-01');
const FLEX = v('2024-11-13');
const CLUSTER = v('2024-08-05');
const G = '/api/atlas/v2/groups/{groupId}';

export const OPS = {
  getCluster: {
    operationId: 'getGroupCluster',
    method: 'GET',
    path: `${G}/clusters/{clusterName}`,
    mediaType: CLUSTER,
  },
  getFlexCluster: {
    operationId: 'getGroupFlexCluster',
    method: 'GET',
    path: `${G}/flexClusters/{name}`,
    mediaType: FLEX,
  },

  // The seed document's original v1.0 call: plain application/json.
  createTenantRestoreV1: {
    operationId: 'createSharedClusterBackupRestoreJob (v1.0)',
    method: 'POST',
    path: '/api/atlas/v1.0/groups/{groupId}/clusters/{clusterName}/backup/tenant/restore',
    mediaType: 'application/json',
  },
  createTenantRestore: {
    operationId: 'createGroupClusterBackupTenantRestore',
    method: 'POST',
    path: `${G}/clusters/{clusterName}/backup/tenant/restore`,
    mediaType: TENANT,
  },
  getTenantRestore: {
    operationId: 'getGroupClusterBackupTenantRestore',
    method: 'GET',
    path: `${G}/clusters/{clusterName}/backup/tenant/restores/{restoreId}`,
    mediaType: TENANT,
  },
  listTenantRestores: {
    operationId: 'listGroupClusterBackupTenantRestores',
    method: 'GET',
    path: `${G}/clusters/{clusterName}/backup/tenant/restores`,
    mediaType: TENANT,
    paginated: true,
  },
  getTenantSnapshot: {
    operationId: 'getGroupClusterBackupTenantSnapshot',
    method: 'GET',
    path: `${G}/clusters/{clusterName}/backup/tenant/snapshots/{snapshotId}`,
    mediaType: TENANT,
  },
  listTenantSnapshots: {
    operationId: 'listGroupClusterBackupTenantSnapshots',
    method: 'GET',
    path: `${G}/clusters/{clusterName}/backup/tenant/snapshots`,
    mediaType: TENANT,
    paginated: true,
  },

  createFlexRestoreJob: {
    operationId: 'createGroupFlexClusterBackupRestoreJob',
    method: 'POST',
    path: `${G}/flexClusters/{name}/backup/restoreJobs`,
    mediaType: FLEX,
  },
  getFlexRestoreJob: {
    operationId: 'getGroupFlexClusterBackupRestoreJob',
    method: 'GET',
    path: `${G}/flexClusters/{name}/backup/restoreJobs/{restoreJobId}`,
    mediaType: FLEX,
  },
  listFlexRestoreJobs: {
    operationId: 'listGroupFlexClusterBackupRestoreJobs',
    method: 'GET',
    path: `${G}/flexClusters/{name}/backup/restoreJobs`,
    mediaType: FLEX,
    paginated: true,
  },
  getFlexSnapshot: {
    operationId: 'getGroupFlexClusterBackupSnapshot',
    method: 'GET',
    path: `${G}/flexClusters/{name}/backup/snapshots/{snapshotId}`,
    mediaType: FLEX,
  },
  listFlexSnapshots: {
    operationId: 'listGroupFlexClusterBackupSnapshots',
    method: 'GET',
    path: `${G}/flexClusters/{name}/backup/snapshots`,
    mediaType: FLEX,
    paginated: true,
  },

  // The drill subset (atlas-admin-api.drill-subset.openapi.json): the verify step's temporary database user, and the
  // Flex cluster lifecycle a drill needs.
  createDatabaseUser: {
    operationId: 'createGroupDatabaseUser',
    method: 'POST',
    path: `${G}/databaseUsers`,
    mediaType: TENANT,
    success: 201,
    spec: 'drill',
  },
  getDatabaseUser: {
    operationId: 'getGroupDatabaseUser',
    method: 'GET',
    path: `${G}/databaseUsers/{databaseName}/{username}`,
    mediaType: TENANT,
    spec: 'drill',
  },
  deleteDatabaseUser: {
    operationId: 'deleteGroupDatabaseUser',
    method: 'DELETE',
    path: `${G}/databaseUsers/{databaseName}/{username}`,
    mediaType: TENANT,
    success: 204,
    spec: 'drill',
  },
  createFlexCluster: {
    operationId: 'createGroupFlexCluster',
    method: 'POST',
    path: `${G}/flexClusters`,
    mediaType: FLEX,
    success: 201,
    spec: 'drill',
  },
  listFlexClusters: {
    operationId: 'listGroupFlexClusters',
    method: 'GET',
    path: `${G}/flexClusters`,
    mediaType: FLEX,
    paginated: true,
    spec: 'drill',
  },
  deleteFlexCluster: {
    operationId: 'deleteGroupFlexCluster',
    method: 'DELETE',
    path: `${G}/flexClusters/{name}`,
    mediaType: FLEX,
    success: 204,
    spec: 'drill',
  },
} as const satisfies Record<string, Operation>;

export type OperationName = keyof typeof OPS;

/**
 * Fills a path template; every value is URI-encoded. `.`, `..` and empty values are refused: encoding leaves them as
 * they are, and a URL resolves them (`/clusters/../x` would reach another resource).
 */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    if (value === '' || value === '.' || value === '..')
      throw new Error(`path parameter ${name} must not be '${value}'`);
    return encodeURIComponent(value);
  });
}
