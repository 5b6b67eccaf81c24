// zod schemas for the Atlas responses we read. Each one is checked at compile time against the type openapi-typescript
// generated from the official spec (atlas/generated/*, `npm run gen:atlas-types`; rules in atlas/spec-check.ts), so a
// field we read that the spec lacks, or types differently, fails `npm run typecheck`. Objects are loose: Atlas may add
// fields at any time, and that must never break a restore. Only the fields we read are declared.
import { z } from 'zod';
import type { components as Subset } from './generated/restore-subset';
import type { components as Latest } from './generated/flex-latest';
import type { components as Drill } from './generated/drill-subset';
import type { AssertSpec, SpecMismatch } from './spec-check';

export const JOB_STATUSES = ['PENDING', 'QUEUED', 'RUNNING', 'FAILED', 'COMPLETED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const status = z.enum(JOB_STATUSES);
// A restore job's status is read as a plain string: the spec's own text names a status (CLOSED) its enum lacks, and
// enums grow. An unknown status is "not finished" (workflows/wait.ts), never a shape error.
const jobStatus = z.string();
const deliveryType = z.enum(['RESTORE', 'DOWNLOAD']);
// Kept as strings: we pass dates through, and a stricter parse would only add ways to fail a poll.
const dateTime = z.string();
const link = z.looseObject({ href: z.string().optional(), rel: z.string().optional() });

/** TenantRestore (tenant create/get/list; also the v1.0 body of the seed document). */
export const TenantRestoreSchema = z.looseObject({
  clusterName: z.string().optional(),
  deliveryType: deliveryType.optional(),
  expirationDate: dateTime.optional(),
  id: z.string().optional(),
  links: z.array(link).optional(),
  projectId: z.string().optional(),
  restoreFinishedDate: dateTime.optional(),
  restoreScheduledDate: dateTime.optional(),
  snapshotFinishedDate: dateTime.optional(),
  snapshotId: z.string(),
  snapshotUrl: z.string().optional(),
  status: jobStatus.optional(),
  targetDeploymentItemName: z.string(),
  targetProjectId: z.string().optional(),
});

/** FlexBackupRestoreJob20241113: the source is `instanceName`, and nothing is required. */
export const FlexRestoreJobSchema = z.looseObject({
  deliveryType: deliveryType.optional(),
  expirationDate: dateTime.optional(),
  id: z.string().optional(),
  instanceName: z.string().optional(),
  links: z.array(link).optional(),
  projectId: z.string().optional(),
  restoreFinishedDate: dateTime.optional(),
  restoreScheduledDate: dateTime.optional(),
  snapshotFinishedDate: dateTime.optional(),
  snapshotId: z.string().optional(),
  snapshotUrl: z.string().optional(),
  status: jobStatus.optional(),
  targetDeploymentItemName: z.string().optional(),
  targetProjectId: z.string().optional(),
});

/** BackupTenantSnapshot and FlexBackupSnapshot20241113 have the same fields. */
export const SnapshotSchema = z.looseObject({
  expiration: dateTime.optional(),
  finishTime: dateTime.optional(),
  id: z.string().optional(),
  links: z.array(link).optional(),
  mongoDBVersion: z.string().optional(),
  scheduledTime: dateTime.optional(),
  startTime: dateTime.optional(),
  status: status.optional(),
});

const STATE_NAMES = ['IDLE', 'CREATING', 'UPDATING', 'DELETING', 'REPAIRING'] as const;

// CloudRegionConfig20240805 is a oneOf on providerName; a TENANT region carries the M0/M2/M5 size, and a migrated
// cluster reports effectiveInstanceSize FLEX inside electableSpecs (TenantHardwareSpec20240805).
const regionConfig = z.looseObject({
  providerName: z.string().optional(),
  backingProviderName: z.string().optional(),
  electableSpecs: z
    .looseObject({ instanceSize: z.string().optional(), effectiveInstanceSize: z.string().optional() })
    .optional(),
});

/** ClusterDescription20240805: only what preflight reads. */
export const ClusterSchema = z.looseObject({
  name: z.string().optional(),
  groupId: z.string().optional(),
  clusterType: z.enum(['REPLICASET', 'SHARDED', 'GEOSHARDED']).optional(),
  encryptionAtRestProvider: z.enum(['NONE', 'AWS', 'AZURE', 'GCP']).optional(),
  mongoDBMajorVersion: z.string().optional(),
  mongoDBVersion: z.string().optional(),
  paused: z.boolean().optional(),
  stateName: z.enum(STATE_NAMES).optional(),
  replicationSpecs: z.array(z.looseObject({ regionConfigs: z.array(regionConfig).optional() })).optional(),
  // ClusterConnectionStrings: of its many strings, the two a client connects with.
  connectionStrings: z.looseObject({ standard: z.string().optional(), standardSrv: z.string().optional() }).optional(),
});

/** FlexClusterDescription20241113: what preflight and the verify step read (and a drill's create). */
export const FlexClusterSchema = z.looseObject({
  name: z.string().optional(),
  groupId: z.string().optional(),
  mongoDBVersion: z.string().optional(),
  stateName: z.enum(STATE_NAMES).optional(),
  clusterType: z.string().optional(),
  // FlexConnectionStrings20241113: the two strings and nothing else (no credentials).
  connectionStrings: z.looseObject({ standard: z.string().optional(), standardSrv: z.string().optional() }).optional(),
  tags: z.array(z.looseObject({ key: z.string(), value: z.string() })).optional(),
});

/** CloudDatabaseUser as Atlas answers it (no password): what the verify step checks of its temporary user. */
export const DatabaseUserSchema = z.looseObject({
  username: z.string(),
  databaseName: z.string(),
  deleteAfterDate: dateTime.optional(),
  scopes: z.array(z.looseObject({ name: z.string(), type: z.string() })).optional(),
});

/** A 204 No Content answer (the drill subset's deletes). */
export const NoContentSchema = z.unknown();

/**
 * ApiError, the body of every Atlas error. Lenient on purpose: a surprise in an optional part must never hide the
 * errorCode, which drives classification (atlas/errors.ts). `parameters` is not read: the spec says its items are
 * objects, while Atlas sends strings.
 */
export const ApiErrorSchema = z.looseObject({
  error: z.number(),
  errorCode: z.string(),
  detail: z.string().nullish(),
  reason: z.string().nullish(),
  badRequestDetail: z
    .looseObject({ fields: z.array(z.looseObject({ field: z.string(), description: z.string() })).optional() })
    .nullish()
    .catch(undefined),
});

export const paginated = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    results: z.array(item).optional(),
    totalCount: z.number().optional(),
    links: z.array(link).optional(),
  });

export type TenantRestore = z.infer<typeof TenantRestoreSchema>;
export type FlexRestoreJob = z.infer<typeof FlexRestoreJobSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Cluster = z.infer<typeof ClusterSchema>;
export type FlexCluster = z.infer<typeof FlexClusterSchema>;
export type DatabaseUser = z.infer<typeof DatabaseUserSchema>;
export type ApiErrorBody = z.infer<typeof ApiErrorSchema>;

// Compile-time checks against both official files (the tenant subset and the newer Flex spec). Names start with `_`
// because nothing uses them: they exist to fail `tsc`.
type S = Subset['schemas'];
type L = Latest['schemas'];
type D = Drill['schemas'];
type Paged<T extends z.ZodType> = z.infer<ReturnType<typeof paginated<T>>>;

// openapi-typescript cannot express CloudRegionConfig20240805: its oneOf alternatives allOf back to it, and TypeScript
// resolves that cycle to `any`. So the cluster is compared with the generated type where only that node is replaced by
// its non-cyclic parts: the generated HardwareSpec20240805, plus the two discriminator fields copied from the spec
// (providerName enum; backingProviderName of TenantRegionConfig20240805). test/atlas/schemas-spec.test.ts also walks
// every zod field through the JSON spec at run time, which covers this node without the cycle problem.
type RegionConfigSpec = {
  providerName?: 'AWS' | 'AZURE' | 'GCP' | 'TENANT';
  backingProviderName?: 'AWS' | 'GCP' | 'AZURE';
  electableSpecs?: S['HardwareSpec20240805'];
};
type ClusterSpec<C extends { replicationSpecs?: unknown }> = Omit<C, 'replicationSpecs'> & {
  replicationSpecs?: (Omit<S['ReplicationSpec20240805'], 'regionConfigs'> & { regionConfigs?: RegionConfigSpec[] })[];
};
type _SpecChecks = [
  AssertSpec<SpecMismatch<TenantRestore, S['TenantRestore']>>,
  AssertSpec<SpecMismatch<Paged<typeof TenantRestoreSchema>, S['PaginatedTenantRestoreView']>>,
  AssertSpec<SpecMismatch<Snapshot, S['BackupTenantSnapshot']>>,
  AssertSpec<SpecMismatch<Paged<typeof SnapshotSchema>, S['PaginatedTenantSnapshotView']>>,
  AssertSpec<SpecMismatch<FlexRestoreJob, S['FlexBackupRestoreJob20241113']>>,
  AssertSpec<SpecMismatch<FlexRestoreJob, L['FlexBackupRestoreJob20241113']>>,
  AssertSpec<SpecMismatch<Paged<typeof FlexRestoreJobSchema>, S['PaginatedApiAtlasFlexBackupRestoreJob20241113View']>>,
  AssertSpec<SpecMismatch<Paged<typeof FlexRestoreJobSchema>, L['PaginatedApiAtlasFlexBackupRestoreJob20241113View']>>,
  AssertSpec<SpecMismatch<Snapshot, S['FlexBackupSnapshot20241113']>>,
  AssertSpec<SpecMismatch<Snapshot, L['FlexBackupSnapshot20241113']>>,
  AssertSpec<SpecMismatch<Paged<typeof SnapshotSchema>, L['PaginatedApiAtlasFlexBackupSnapshot20241113View']>>,
  AssertSpec<SpecMismatch<Cluster, ClusterSpec<S['ClusterDescription20240805']>>>,
  AssertSpec<SpecMismatch<Cluster, ClusterSpec<L['ClusterDescription20240805']>>>,
  AssertSpec<SpecMismatch<FlexCluster, S['FlexClusterDescription20241113']>>,
  AssertSpec<SpecMismatch<FlexCluster, L['FlexClusterDescription20241113']>>,
  AssertSpec<SpecMismatch<FlexCluster, D['FlexClusterDescription20241113']>>,
  AssertSpec<SpecMismatch<Paged<typeof FlexClusterSchema>, D['PaginatedFlexClusters20241113']>>,
  AssertSpec<SpecMismatch<DatabaseUser, D['CloudDatabaseUser']>>,
  AssertSpec<SpecMismatch<ApiErrorBody, D['ApiError']>>,
  AssertSpec<SpecMismatch<ApiErrorBody, S['ApiError']>>,
  AssertSpec<SpecMismatch<ApiErrorBody, L['ApiError']>>,
];
