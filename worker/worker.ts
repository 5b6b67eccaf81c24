// Builds a worker for the restore workflows and their activities. Used by `atlas-restore worker`, the demo, the
// benchmark and the tests alike, so they all run the same configuration.
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { createActivities } from '../activities';
import { AtlasClient } from '../atlas/client';
import { DEFAULT_TASK_QUEUE } from '../common/constants';
import { activityLogAttributes } from './log-attributes';

export interface RestoreWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue?: string;
  atlas: AtlasClient;
  /** For reading back earlier restores (adaptive polling). */
  temporal?: Client;
  webhookUrl?: string;
  /** A pre-built bundle (tests build one per file); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /**
   * Atlas rate budget shared by every worker on the task queue: the server hands out at most this many activity
   * tasks per second across all of them (each activity makes one to a few Atlas calls).
   */
  maxTaskQueueActivitiesPerSecond?: number;
  /** Polls are short and mostly waiting on Atlas: many may run at once. */
  maxConcurrentActivityTaskExecutions?: number;
  maxCachedWorkflows?: number;
}

export async function createRestoreWorker(o: RestoreWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace ?? 'default',
    taskQueue: o.taskQueue ?? DEFAULT_TASK_QUEUE,
    activities: createActivities({ atlas: o.atlas, temporal: o.temporal, webhookUrl: o.webhookUrl }),
    ...(o.workflowBundle ? { workflowBundle: o.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    interceptors: { workflowModules: [require.resolve('../workflows/interceptors')], activity: [activityLogAttributes] },
    maxTaskQueueActivitiesPerSecond: o.maxTaskQueueActivitiesPerSecond,
    maxConcurrentActivityTaskExecutions: o.maxConcurrentActivityTaskExecutions ?? 200,
    maxCachedWorkflows: o.maxCachedWorkflows,
  });
}
