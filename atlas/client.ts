// Typed Atlas Admin API operations for restores, plus a backend-neutral view (tenant or Flex) the activities use.
import { inspect } from 'node:util';
import type { z } from 'zod';
import type { Backend } from '../common/types';
import { AtlasResponseShapeError } from './errors';
import type { AtlasHttp } from './http';
import type { OperationName } from './operations';
import type { JobStatus } from './schemas';
import {
  ClusterSchema,
  DatabaseUserSchema,
  FlexClusterSchema,
  FlexRestoreJobSchema,
  NoContentSchema,
  paginated,
  SnapshotSchema,
  TenantRestoreSchema,
} from './schemas';

/** A restore job, the same for both backends. */
export interface RestoreJob {
  id: string;
  /**
   * As Atlas sent it: the documented values are JobStatus (PENDING, QUEUED, RUNNING, FAILED, COMPLETED), but the
   * spec's text names one more (CLOSED) and enums grow, so any other string passes through (atlas/schemas.ts).
   * 'UNKNOWN' when the body had none.
   */
  status: string;
  snapshotId?: string;
  targetClusterName?: string;
  targetProjectId?: string;
  restoreScheduledDate?: string;
  restoreFinishedDate?: string;
}

export interface SnapshotInfo {
  id: string;
  status: JobStatus | 'UNKNOWN';
  mongoDBVersion?: string;
  finishTime?: string;
}

export interface RestoreRequest {
  snapshotId: string;
  targetClusterName: string;
  targetProjectId: string;
}

/** Atlas's largest page; a list rarely needs a second one. */
const DEFAULT_PAGE_SIZE = 500;
/** A safety stop for a server that never ends a list; far above any real restore or snapshot history. */
const MAX_PAGES = 200;

/**
 * A SCRAM database user to create (CloudDatabaseUser). The password goes to Atlas in the body of this one call and
 * nowhere else: Atlas never returns it.
 */
export interface DatabaseUserRequest {
  username: string;
  password: string;
  roles: { roleName: string; databaseName: string }[];
  scopes: { name: string; type: 'CLUSTER' }[];
  /** ISO date-time, within a week: Atlas deletes the user then even if we never do. */
  deleteAfterDate: string;
  description?: string;
}

/** FlexClusterDescriptionCreate20241113. */
export interface FlexClusterRequest {
  name: string;
  providerSettings: { backingProviderName: 'AWS' | 'AZURE' | 'GCP'; regionName: string };
  terminationProtectionEnabled?: boolean;
  tags?: { key: string; value: string }[];
}

export interface AtlasClientOptions {
  /** itemsPerPage for list calls (1..500). */
  pageSize?: number;
}

export class AtlasClient {
  readonly #pageSize: number;

  constructor(
    readonly http: AtlasHttp,
    o: AtlasClientOptions = {},
  ) {
    this.#pageSize = Math.min(500, Math.max(1, o.pageSize ?? DEFAULT_PAGE_SIZE));
  }

  toJSON(): object {
    return { http: this.http };
  }

  [inspect.custom](): string {
    return `AtlasClient { ${inspect(this.http)} }`;
  }

  getCluster(groupId: string, clusterName: string) {
    return this.http.call('getCluster', ClusterSchema, { params: { groupId, clusterName } });
  }

  getFlexCluster(groupId: string, name: string) {
    return this.http.call('getFlexCluster', FlexClusterSchema, { params: { groupId, name } });
  }

  createDatabaseUser(groupId: string, u: DatabaseUserRequest) {
    return this.http.call('createDatabaseUser', DatabaseUserSchema, {
      params: { groupId },
      body: { databaseName: 'admin', groupId, ...u },
    });
  }

  async deleteDatabaseUser(groupId: string, username: string): Promise<void> {
    await this.http.call('deleteDatabaseUser', NoContentSchema, {
      params: { groupId, databaseName: 'admin', username },
    });
  }

  createFlexCluster(groupId: string, c: FlexClusterRequest) {
    return this.http.call('createFlexCluster', FlexClusterSchema, { params: { groupId }, body: c });
  }

  listFlexClusters(groupId: string) {
    return this.#all('listFlexClusters', FlexClusterSchema, { groupId });
  }

  async deleteFlexCluster(groupId: string, name: string): Promise<void> {
    await this.http.call('deleteFlexCluster', NoContentSchema, { params: { groupId, name } });
  }

  /** Creates a restore job. `tenantApi: 'v1'` uses the seed document's v1.0 path with application/json. */
  async createRestore(
    backend: Backend,
    groupId: string,
    sourceCluster: string,
    r: RestoreRequest,
    tenantApi: 'v1' | 'v2' = 'v2',
  ): Promise<RestoreJob> {
    const body = {
      snapshotId: r.snapshotId,
      targetDeploymentItemName: r.targetClusterName,
      targetProjectId: r.targetProjectId,
    };
    if (backend === 'flex') {
      const job = await this.http.call('createFlexRestoreJob', FlexRestoreJobSchema, {
        params: { groupId, name: sourceCluster },
        body,
      });
      return fromJob(job);
    }
    const op = tenantApi === 'v1' ? 'createTenantRestoreV1' : 'createTenantRestore';
    return fromJob(
      await this.http.call(op, TenantRestoreSchema, { params: { groupId, clusterName: sourceCluster }, body }),
    );
  }

  async getRestoreJob(backend: Backend, groupId: string, sourceCluster: string, jobId: string): Promise<RestoreJob> {
    if (backend === 'flex')
      return fromJob(
        await this.http.call('getFlexRestoreJob', FlexRestoreJobSchema, {
          params: { groupId, name: sourceCluster, restoreJobId: jobId },
        }),
      );
    return fromJob(
      await this.http.call('getTenantRestore', TenantRestoreSchema, {
        params: { groupId, clusterName: sourceCluster, restoreId: jobId },
      }),
    );
  }

  async listRestoreJobs(backend: Backend, groupId: string, sourceCluster: string): Promise<RestoreJob[]> {
    if (backend === 'flex')
      return (await this.#all('listFlexRestoreJobs', FlexRestoreJobSchema, { groupId, name: sourceCluster })).map(
        fromJob,
      );
    return (await this.#all('listTenantRestores', TenantRestoreSchema, { groupId, clusterName: sourceCluster })).map(
      fromJob,
    );
  }

  async getSnapshot(backend: Backend, groupId: string, cluster: string, snapshotId: string): Promise<SnapshotInfo> {
    const s =
      backend === 'flex'
        ? await this.http.call('getFlexSnapshot', SnapshotSchema, { params: { groupId, name: cluster, snapshotId } })
        : await this.http.call('getTenantSnapshot', SnapshotSchema, {
            params: { groupId, clusterName: cluster, snapshotId },
          });
    return fromSnapshot(s);
  }

  async listSnapshots(backend: Backend, groupId: string, cluster: string): Promise<SnapshotInfo[]> {
    const items =
      backend === 'flex'
        ? await this.#all('listFlexSnapshots', SnapshotSchema, { groupId, name: cluster })
        : await this.#all('listTenantSnapshots', SnapshotSchema, { groupId, clusterName: cluster });
    return items.map(fromSnapshot);
  }

  /**
   * Reads every page of a list operation (Atlas pagination: pageNum from 1, itemsPerPage up to 500). Incomplete
   * results are never returned silently: the restore-job list is how a retried create finds its own job.
   */
  async #all<S extends z.ZodType>(name: OperationName, item: S, params: Record<string, string>): Promise<z.infer<S>[]> {
    const out: z.infer<S>[] = [];
    const per = this.#pageSize;
    for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
      const page = await this.http.call(name, paginated(item), {
        params,
        query: { pageNum, itemsPerPage: per, includeCount: true },
      });
      const results = (page.results ?? []) as z.infer<S>[];
      out.push(...results);
      const total = page.totalCount;
      if (results.length < per || (total !== undefined && out.length >= total)) return out;
    }
    throw new AtlasResponseShapeError(name, 'results', `did not end after ${MAX_PAGES} pages of ${per}`);
  }
}

const status = <S extends string>(s: S | undefined): S | 'UNKNOWN' => s ?? 'UNKNOWN';

/** Both job schemas carry the fields we read under the same names (the Flex one adds instanceName). */
type JobBody = Pick<
  z.infer<typeof FlexRestoreJobSchema>,
  | 'id'
  | 'status'
  | 'snapshotId'
  | 'targetDeploymentItemName'
  | 'targetProjectId'
  | 'restoreScheduledDate'
  | 'restoreFinishedDate'
>;

function fromJob(j: JobBody): RestoreJob {
  return {
    id: j.id ?? '',
    status: status(j.status),
    snapshotId: j.snapshotId,
    targetClusterName: j.targetDeploymentItemName,
    targetProjectId: j.targetProjectId,
    restoreScheduledDate: j.restoreScheduledDate,
    restoreFinishedDate: j.restoreFinishedDate,
  };
}

function fromSnapshot(s: z.infer<typeof SnapshotSchema>): SnapshotInfo {
  return { id: s.id ?? '', status: status(s.status), mongoDBVersion: s.mongoDBVersion, finishTime: s.finishTime };
}
