// The fixed-timer peer's worker as its own process, as ours is (bin/atlas-restore worker): each orchestrator pays
// its own process's share of the loaded machine, and neither shares an event loop with the simulator (in the bench
// process), which made the peer's polls later than ours in a loaded run. Reads its settings as JSON on stdin,
// prints READY once it polls, drains on SIGTERM.
import { NativeConnection, Worker } from '@temporalio/worker';
import { HttpClient } from 'urllib';
import { NoAuth } from '../../product/atlas';
import { AtlasClient } from '../../product/atlas';
import { AtlasHttp } from '../../product/atlas';
import { quietRuntime } from '../../kit/runtime';
import { createFixedTimerActivities } from './fixed-timer-activities';

export interface FixedTimerWorkerSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  atlasBaseUrl: string;
  /** The same rate budget as ours when one is set: the peer must not be the one that trips the bucket. */
  rateBudget?: number;
  maxConcurrentActivities: number;
}

export const FIXED_TIMER_WORKER_READY = 'fixed-timer peer worker ready';

async function readStdin(): Promise<string> {
  let s = '';
  for await (const chunk of process.stdin) s += String(chunk);
  return s;
}

async function main(): Promise<void> {
  const o = JSON.parse(await readStdin()) as FixedTimerWorkerSettings;
  quietRuntime();
  const atlas = new AtlasClient(
    new AtlasHttp({ baseUrl: o.atlasBaseUrl, auth: new NoAuth(), http: new HttpClient(), timeoutMs: 20_000 }),
  );
  const connection = await NativeConnection.connect({ address: o.address });
  const worker = await Worker.create({
    connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    workflowsPath: require.resolve('./fixed-timer-workflow'),
    activities: createFixedTimerActivities(atlas),
    maxTaskQueueActivitiesPerSecond: o.rateBudget,
    maxConcurrentActivityTaskExecutions: o.maxConcurrentActivities,
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  process.stdout.write(FIXED_TIMER_WORKER_READY + '\n');
  await running;
  await connection.close();
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`fixed-timer peer worker: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
