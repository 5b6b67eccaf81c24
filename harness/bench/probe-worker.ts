// The memory probe's worker (harness/bench/memory-probe.ts): `atlas-restore worker` (worker/main.ts), configured the
// same way (ATLAS_RESTORE_MAX_CACHED_WORKFLOWS is the knob under study).
// It prints its own memory split (main-thread heap, external, RSS) and the workflow thread's heap (thread-heap.ts) as
// JSON lines on stdout every 2 s, and on SIGUSR2 a summary of a heap snapshot of the workflow thread.
import { HttpClient } from 'urllib';
import { NativeConnection } from '@temporalio/worker';
import { AtlasClient } from '../product/atlas';
import { AtlasHttp } from '../product/atlas';
import { connectClient } from '../product/client';
import { loadConfig } from '../product/worker';
import { loadAtlasSettings } from '../product/worker';
import { installTelemetry } from '../product/worker';
import { createRestoreWorker } from '../product/worker';
import { ThreadHeap } from './thread-heap';

async function main(): Promise<void> {
  const threads = new ThreadHeap(); // before the worker starts its workflow thread, so that it is attached
  const cfg = loadConfig(process.env);
  installTelemetry({ logFormat: 'json', logLevel: 'WARN', metricsPort: cfg.metricsPort });
  const atlas = new AtlasClient(new AtlasHttp({ ...loadAtlasSettings(process.env), http: new HttpClient() }));
  const connection = await NativeConnection.connect(cfg.temporal.connectionOptions);
  const temporal = await connectClient(cfg.temporal);
  const worker = await createRestoreWorker({
    connection,
    namespace: cfg.temporal.namespace,
    taskQueue: cfg.taskQueue,
    atlas,
    temporal,
    maxConcurrentActivityTaskExecutions: cfg.maxConcurrentActivities,
    maxCachedWorkflows: cfg.maxCachedWorkflows,
  });
  const write = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
  const tick = setInterval(() => {
    threads.usage().then(
      (t) => write({ mem: process.memoryUsage(), threads: t }),
      () => undefined,
    );
  }, 2000);
  process.on('SIGUSR2', () => {
    threads.usage(true).then(
      async (t) => write({ snapshot: await threads.snapshotSummary(), threadsAfterGc: t }),
      (e: unknown) => write({ snapshot: { error: String(e) } }),
    );
  });
  process.once('SIGTERM', () => worker.shutdown());
  process.stdout.write('probe worker ready\n');
  await worker.run();
  clearInterval(tick);
  await connection.close();
  await temporal.connection.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`probe worker failed: ${String(e)}\n`);
  process.exit(1);
});
