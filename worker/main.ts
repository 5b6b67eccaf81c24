// `atlas-restore worker`: a long-running worker configured from the environment (config/). Credentials are read
// here, in the worker process, and nowhere else.
import { HttpClient } from 'urllib';
import { AtlasClient } from '../atlas/client';
import { AtlasHttp } from '../atlas/http';
import { NativeConnection } from '@temporalio/worker';
import { connectClient } from '../client/connection';
import { loadConfig } from '../config';
import { loadAtlasSettings } from '../config/atlas';
import { bannerLine, installTelemetry, RestoreMetrics } from './telemetry';
import { createRestoreWorker } from './worker';

export interface WorkerMainOptions {
  taskQueue?: string;
}

export async function runWorkerFromEnv(o: WorkerMainOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const cfg = loadConfig(env);
  const atlasSettings = loadAtlasSettings(env);
  installTelemetry({ logFormat: cfg.logFormat, logLevel: cfg.logLevel, metricsPort: cfg.metricsPort });
  const metrics = new RestoreMetrics();
  const http = new HttpClient();
  const atlas = new AtlasClient(new AtlasHttp({ ...atlasSettings, http, onCall: metrics.onAtlasCall }));
  const connection = await NativeConnection.connect(cfg.temporal.connectionOptions);
  const temporal = await connectClient(cfg.temporal);
  const taskQueue = o.taskQueue ?? cfg.taskQueue;
  const worker = await createRestoreWorker({
    connection,
    namespace: cfg.temporal.namespace,
    taskQueue,
    atlas,
    temporal,
    webhookUrl: cfg.webhookUrl,
    maxTaskQueueActivitiesPerSecond: cfg.rateBudget,
    maxConcurrentActivityTaskExecutions: cfg.maxConcurrentActivities,
    // H5 (replay branch), minimal stand-in for H3's ATLAS_RESTORE_WORKFLOW_BUNDLE (deploy branch): a prebuilt
    // workflow bundle to run instead of bundling workflows/ at start. The lead keeps H3's version.
    workflowBundle: env.ATLAS_RESTORE_WORKFLOW_BUNDLE ? { codePath: env.ATLAS_RESTORE_WORKFLOW_BUNDLE } : undefined,
  });
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  bannerLine(
    cfg.logFormat,
    `atlas-restore worker: namespace ${cfg.temporal.namespace}, task queue ${taskQueue}, Atlas ${atlasSettings.baseUrl} (${atlasSettings.auth.scheme})` +
      `${cfg.metricsPort ? `, metrics on :${cfg.metricsPort}/metrics` : ''}${cfg.rateBudget ? `, rate budget ${cfg.rateBudget}/s` : ''}`,
    { namespace: cfg.temporal.namespace, taskQueue },
  );
  await worker.run();
  await connection.close();
  await temporal.connection.close();
}
