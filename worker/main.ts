// `atlas-restore worker`: a long-running worker configured from the environment (config/). Credentials are read
// here, in the worker process, and nowhere else.
import { Context } from '@temporalio/activity';
import { HttpClient } from 'urllib';
import { AtlasClient } from '../atlas/client';
import { AtlasHttp } from '../atlas/http';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { connectClient } from '../client/connection';
import { ConfigError, loadConfig } from '../config';
import { loadAtlasSettings } from '../config/atlas';
import { prebuiltBundle } from './bundle';
import { RestoreGauges } from './gauges';
import { bannerLine, installTelemetry, RestoreMetrics } from './telemetry';
import { RestorePolicy } from '../policy/policy';
import { createRestoreWorker } from './worker';

/** How often the in-flight / awaiting-approval gauges are read from visibility. */
const GAUGE_INTERVAL_MS = 15_000;
/** After the grace, activities are cancelled; this much later the worker gives up waiting and the process exits 1. */
const FORCE_AFTER_GRACE_S = 10;

/** The running activity's cancellation signal (undefined outside an activity). */
function activitySignal(): AbortSignal | undefined {
  try {
    return Context.current().cancellationSignal;
  } catch {
    return undefined;
  }
}

export interface WorkerMainOptions {
  taskQueue?: string;
}

export async function runWorkerFromEnv(o: WorkerMainOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const cfg = loadConfig(env);
  const atlasSettings = loadAtlasSettings(env);
  let policy: RestorePolicy | undefined;
  try {
    policy = env.ATLAS_RESTORE_POLICY ? RestorePolicy.load(env.ATLAS_RESTORE_POLICY) : undefined;
  } catch (e) {
    throw new ConfigError(`configuration error: ATLAS_RESTORE_POLICY: ${(e as Error).message}`);
  }
  let workflowBundle;
  try {
    workflowBundle = prebuiltBundle(cfg.workflowBundlePath);
  } catch (e) {
    throw new ConfigError(`configuration error: ${(e as Error).message}`);
  }
  installTelemetry({
    logFormat: cfg.logFormat,
    logLevel: cfg.logLevel,
    metricsPort: cfg.metricsPort,
    metricsHost: cfg.metricsHost,
  });
  const metrics = new RestoreMetrics();
  const http = new HttpClient();
  const atlas = new AtlasClient(
    new AtlasHttp({ ...atlasSettings, http, onCall: metrics.onAtlasCall, signal: activitySignal }),
  );
  const connection = await NativeConnection.connect(cfg.temporal.connectionOptions);
  const temporal = await connectClient(cfg.temporal);
  const taskQueue = o.taskQueue ?? cfg.taskQueue;
  const worker = await createRestoreWorker({
    connection,
    namespace: cfg.temporal.namespace,
    taskQueue,
    atlas,
    temporal,
    webhook: cfg.webhook,
    policy,
    workflowBundle,
    shutdownGraceTime: cfg.shutdownGraceS * 1000,
    shutdownForceTime: (cfg.shutdownGraceS + FORCE_AFTER_GRACE_S) * 1000,
    maxTaskQueueActivitiesPerSecond: cfg.rateBudget,
    maxConcurrentActivityTaskExecutions: cfg.maxConcurrentActivities,
    maxCachedWorkflows: cfg.maxCachedWorkflows,
  });
  const gauges = cfg.metricsPort ? new RestoreGauges(temporal) : undefined;
  gauges?.start(GAUGE_INTERVAL_MS, (e) =>
    Runtime.instance().logger.warn(`restore gauges not refreshed: ${(e as Error).message}`),
  );
  // SIGTERM (docker stop, Kubernetes) and Ctrl-C: stop polling, let in-flight activities finish within the grace.
  // A second signal is not caught: it ends the process at once.
  const stop = (signal: string) => {
    Runtime.instance().logger.info(`${signal}: stopping; in-flight activities have ${cfg.shutdownGraceS}s to finish`);
    gauges?.stop();
    worker.shutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  bannerLine(
    cfg.logFormat,
    `atlas-restore worker: namespace ${cfg.temporal.namespace}, task queue ${taskQueue}, Atlas ${atlasSettings.baseUrl} (${atlasSettings.auth.scheme})` +
      `${cfg.metricsPort ? `, metrics on ${cfg.metricsHost}:${cfg.metricsPort}/metrics` : ''}${cfg.rateBudget ? `, rate budget ${cfg.rateBudget}/s` : ''}` +
      `, workflows ${workflowBundle ? 'from the prebuilt bundle' : 'bundled from source'}${cfg.webhook ? `, webhook (${cfg.webhook.signed ? 'signed' : 'unsigned'})` : ''}` +
      (policy
        ? `, restore policy ${policy.file} (${policy.digest})`
        : ', OPEN MODE: no restore policy (ATLAS_RESTORE_POLICY), identities unverified'),
    {
      namespace: cfg.temporal.namespace,
      taskQueue,
      workflowBundle: workflowBundle && 'codePath' in workflowBundle ? workflowBundle.codePath : undefined,
    },
  );
  await worker.run();
  await connection.close();
  await temporal.connection.close();
}
