// zod schemas for the Atlas responses we read. Each one is checked at compile time against the type that
// openapi-typescript generated from the official spec (atlas/generated/*, `npm run gen:atlas-types`), so a field
// we read that the spec lacks, or types differently, fails `npm run typecheck`. Objects are loose: Atlas may add
// fields at any time, and that must never break a restore.
import { z } from 'zod';

export const JOB_STATUSES = ['PENDING', 'QUEUED', 'RUNNING', 'FAILED', 'COMPLETED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['COMPLETED', 'FAILED'];

const status = z.enum(JOB_STATUSES);
const dateTime = z.string();
const link = z.looseObject({ href: z.string().optional(), rel: z.string().optional() });

export const TenantRestoreSchema = z.looseObject({
  clusterName: z.string().optional(),
  deliveryType: z.enum(['RESTORE', 'DOWNLOAD']).optional(),
  expirationDate: dateTime.optional(),
  id: z.string().optional(),
  links: z.array(link).optional(),
  projectId: z.string().optional(),
  restoreFinishedDate: dateTime.optional(),
  restoreScheduledDate: dateTime.optional(),
  snapshotFinishedDate: dateTime.optional(),
  snapshotId: z.string(),
  snapshotUrl: z.string().optional(),
  status: status.optional(),
  targetDeploymentItemName: z.string(),
  targetProjectId: z.string().optional(),
});

export const FlexRestoreJobSchema = z.looseObject({
  deliveryType: z.enum(['RESTORE', 'DOWNLOAD']).optional(),
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
  status: status.optional(),
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

const regionConfig = z.looseObject({
  providerName: z.string().optional(),
  backingProviderName: z.string().optional(),
  electableSpecs: z.looseObject({ instanceSize: z.string().optional() }).optional(),
  effectiveInstanceSize: z.string().optional(),
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
});

/** FlexClusterDescription20241113: only what preflight reads. */
export const FlexClusterSchema = z.looseObject({
  name: z.string().optional(),
  groupId: z.string().optional(),
  mongoDBVersion: z.string().optional(),
  stateName: z.enum(STATE_NAMES).optional(),
  clusterType: z.string().optional(),
});

export const ApiErrorSchema = z.looseObject({
  error: z.number(),
  errorCode: z.string(),
  detail: z.string().optional(),
  reason: z.string().optional(),
  parameters: z.array(z.unknown()).optional(),
});

export const paginated = <T extends z.ZodType>(item: T) =>
  z.looseObject({ results: z.array(item).optional(), totalCount: z.number().optional(), links: z.array(link).optional() });

export type TenantRestore = z.infer<typeof TenantRestoreSchema>;
export type FlexRestoreJob = z.infer<typeof FlexRestoreJobSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Cluster = z.infer<typeof ClusterSchema>;
export type FlexCluster = z.infer<typeof FlexClusterSchema>;
