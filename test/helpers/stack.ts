// The test stack: a real Temporal server (dev server or time-skipping), the Atlas simulator and a real worker (the
// benchmark and chaos harness in harness/ is something else), on the shipped workflow bundle when it is current.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker, WorkflowBundleOption } from '@temporalio/worker';
import { HttpClient } from 'urllib';
import { DigestAuth, NoAuth } from '../../atlas/auth';
import { AtlasClient } from '../../atlas/client';
import type { CallRecord } from '../../atlas/http';
import { AtlasHttp } from '../../atlas/http';
import { startDevServer, startTimeSkippingServer } from '../../devserver/devserver';
import { quietRuntime } from '../../harness/kit/runtime';
import type { SimulatorOptions } from '../../simulator/server';
import { AtlasSimulator } from '../../simulator/server';
import { createRestoreWorker } from '../../worker/worker';
import { currentBundle } from './bundle';
import type { RestorePolicy } from '../../policy/policy';
import type { WebhookSettings } from '../../config/webhook';

export interface Stack {
  env: TestWorkflowEnvironment;
  sim: AtlasSimulator;
  atlas: AtlasClient;
  worker: Worker;
  taskQueue: string;
  atlasCalls: CallRecord[];
  /** Stops the worker only (to simulate a crash/restart), returns a function that starts a fresh one. */
  restartWorker(): Promise<void>;
  close(): Promise<void>;
}

let bundle: Promise<WorkflowBundleOption> | undefined;
/** The shipped bundle when it is current, else the sources bundled once per test file (test/helpers/bundle.ts). */
export const workflowBundle = (): Promise<WorkflowBundleOption> => (bundle ??= currentBundle().then((b) => b.bundle));

export interface StackOptions {
  server: 'dev' | 'time-skipping';
  sim?: SimulatorOptions;
  taskQueue?: string;
  /** Atlas client request timeout. */
  timeoutMs?: number;
  /** Require an API key (HTTP Digest) on the simulator, and use it from the worker. */
  apiKey?: { publicKey: string; privateKey: string };
  /** The worker's restore policy (ATLAS_RESTORE_POLICY); absent: open mode. */
  policy?: RestorePolicy;
  /** The worker's webhook (ATLAS_RESTORE_WEBHOOK_*); absent: none. */
  webhook?: WebhookSettings;
}

export async function startStack(o: StackOptions): Promise<Stack> {
  quietRuntime(process.env.TEST_LOG_LEVEL === 'debug' ? 'INFO' : 'ERROR');
  const env = o.server === 'dev' ? await startDevServer() : await startTimeSkippingServer();
  // On the time-skipping server the simulator must see the server's (skipped) time.
  const clock = o.server === 'time-skipping' ? () => env.currentTimeMs() : undefined;
  const sim = await AtlasSimulator.start({
    clock,
    ...o.sim,
    ...(o.apiKey ? { credentials: { apiKeys: [o.apiKey] } } : {}),
  });
  const atlasCalls: CallRecord[] = [];
  const atlas = new AtlasClient(
    new AtlasHttp({
      baseUrl: sim.url,
      auth: o.apiKey ? new DigestAuth(o.apiKey.publicKey, o.apiKey.privateKey) : new NoAuth(),
      http: new HttpClient(),
      timeoutMs: o.timeoutMs ?? 5_000,
      onCall: (c) => atlasCalls.push(c),
    }),
  );
  const taskQueue = o.taskQueue ?? `test-${Math.random().toString(36).slice(2, 8)}`;
  const workflowBundleCode = await workflowBundle();
  const make = () =>
    createRestoreWorker({
      connection: env.nativeConnection,
      namespace: env.namespace ?? 'default',
      taskQueue,
      atlas,
      temporal: env.client,
      workflowBundle: workflowBundleCode,
      ...(o.policy ? { policy: o.policy } : {}),
      ...(o.webhook ? { webhook: o.webhook } : {}),
    });
  let worker = await make();
  let running = worker.run();
  const h: Stack = {
    env,
    sim,
    atlas,
    worker,
    taskQueue,
    atlasCalls,
    async restartWorker() {
      worker.shutdown();
      await running;
      worker = await make();
      h.worker = worker;
      running = worker.run();
    },
    async close() {
      worker.shutdown();
      await running.catch(() => undefined);
      await sim.stop();
      await env.teardown();
    },
  };
  return h;
}
