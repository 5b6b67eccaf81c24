// Builds a worker for the restore workflows and their activities. Used by `atlas-restore worker`, the demo, the
// benchmark and the tests alike, so they all run the same configuration.
import type { Client } from '@temporalio/client';
import type { NativeConnection, WorkerOptions } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { AtlasClient } from '../atlas/client';
import { DEFAULT_TASK_QUEUE } from '../common/constants';
import type { WebhookSettings } from '../config/webhook';
import type { RestorePolicy } from '../policy/policy';
import { BUNDLE_SOURCES, prebuiltBundle } from './bundle';
import { activityLogAttributes } from './log-attributes';

export interface RestoreWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  taskQueue?: string;
  atlas: AtlasClient;
  /** For reading back earlier restores (adaptive polling). */
  temporal?: Client;
  webhook?: WebhookSettings;
  /** The restore policy (policy/policy.ts); absent: open mode. */
  policy?: RestorePolicy;
  /**
   * The workflow code: a bundle given here (tests build one per file), else the prebuilt one (worker/bundle.ts),
   * else the workflows are bundled at start.
   */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /**
   * How long in-flight activities may finish after shutdown() before they are cancelled. `atlas-restore worker` passes
   * ATLAS_RESTORE_SHUTDOWN_GRACE (default 30 s); unset here = the SDK's 0, so tests that restart workers stay abrupt.
   */
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
  /** Give up waiting for activities that ignore cancellation this long after shutdown(); run() then throws. */
  shutdownForceTime?: WorkerOptions['shutdownForceTime'];
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
  const workflowBundle = o.workflowBundle ?? prebuiltBundle();
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace ?? 'default',
    taskQueue: o.taskQueue ?? DEFAULT_TASK_QUEUE,
    activities: createActivities({ atlas: o.atlas, temporal: o.temporal, webhook: o.webhook, policy: o.policy }),
    // A bundle carries its workflow interceptors inside (BUNDLE_SOURCES); bundling at start adds them here.
    ...(workflowBundle
      ? { workflowBundle }
      : {
          workflowsPath: BUNDLE_SOURCES.workflowsPath,
          bundlerOptions: { preloadModules: BUNDLE_SOURCES.preloadModules },
        }),
    interceptors: {
      workflowModules: workflowBundle ? [] : BUNDLE_SOURCES.workflowInterceptorModules,
      activity: [activityLogAttributes],
    },
    // Absent, not undefined: the SDK's defaults do not survive an explicit undefined.
    ...(o.shutdownGraceTime !== undefined ? { shutdownGraceTime: o.shutdownGraceTime } : {}),
    ...(o.shutdownForceTime !== undefined ? { shutdownForceTime: o.shutdownForceTime } : {}),
    maxTaskQueueActivitiesPerSecond: o.maxTaskQueueActivitiesPerSecond,
    maxConcurrentActivityTaskExecutions: o.maxConcurrentActivityTaskExecutions ?? 200,
    maxCachedWorkflows: o.maxCachedWorkflows,
  });
}
