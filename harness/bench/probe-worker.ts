// The memory probe's worker (harness/bench/memory-probe.ts): `atlas-restore worker` (worker/main.ts) with the one
// knob under study, maxCachedWorkflows, taken from PROBE_MAX_CACHED_WORKFLOWS (unset: worker/worker.ts's default).
// It prints its own memory split (main-thread heap, external, RSS) as JSON lines on stdout every 2 s.
import { HttpClient } from 'urllib';
import { NativeConnection } from '@temporalio/worker';
import { AtlasClient } from '../../atlas/client';
import { AtlasHttp } from '../../atlas/http';
import { connectClient } from '../../client/connection';
import { loadConfig } from '../../config';
import { loadAtlasSettings } from '../../config/atlas';
import { installTelemetry } from '../../worker/telemetry';
import { createRestoreWorker } from '../../worker/worker';

async function main(): Promise<void> {
  const cfg = loadConfig(process.env);
  installTelemetry({ logFormat: 'json', logLevel: 'WARN', metricsPort: cfg.metricsPort });
  const atlas = new AtlasClient(new AtlasHttp({ ...loadAtlasSettings(process.env), http: new HttpClient() }));
  const connection = await NativeConnection.connect(cfg.temporal.connectionOptions);
  const temporal = await connectClient(cfg.temporal);
  const cached = process.env.PROBE_MAX_CACHED_WORKFLOWS;
  const worker = await createRestoreWorker({
    connection,
    namespace: cfg.temporal.namespace,
    taskQueue: cfg.taskQueue,
    atlas,
    temporal,
    maxConcurrentActivityTaskExecutions: cfg.maxConcurrentActivities,
    ...(cached ? { maxCachedWorkflows: Number(cached) } : {}),
  });
  const tick = setInterval(() => process.stdout.write(JSON.stringify({ mem: process.memoryUsage() }) + '\n'), 2000);
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
